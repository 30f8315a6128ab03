// The keys are generated from redis-schema.yaml with redis-schema-config.yaml's `accessLevel: public`; App uses them.
