// Never compiles: the schema next to it has an error, which the build must report at its line.
