import Analytics
import Billing
import Foundation

print(try sessionKey("12345"))
print(try invoiceKey(UUID()))
