// Never compiles: the redis-schema-config.yaml next to it has an unknown setting.
