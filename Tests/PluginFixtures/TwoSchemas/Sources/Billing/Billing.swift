import Foundation
import RedisSchema

/// Uses the accessors generated from this target's redis-schema.yaml (namespace from the file name).
public func invoiceKey(_ id: UUID) throws -> String {
    try RedisSchemaKeys.Invoice(id: id).key + " " + RedisSchemaKeys.Session(sid: "s").key
}
