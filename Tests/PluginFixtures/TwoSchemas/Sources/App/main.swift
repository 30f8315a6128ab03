import Analytics
import Billing
import Committed
import Foundation
import SharedKeys

print(try sessionKey("12345"))
print(try invoiceKey(UUID()))
// Generated in another module: `accessLevel: public` in SharedKeys, `package` in Committed.
print(try Shared.Cart(userId: 7).key)
print(try Flags.Flag(name: "beta").key)
