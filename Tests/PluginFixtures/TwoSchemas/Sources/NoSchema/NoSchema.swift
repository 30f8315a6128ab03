// Never compiles: the target applies RedisSchemaPlugin but its schema is called schema.yaml.
