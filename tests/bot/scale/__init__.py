"""Scale-out tests: real worker processes sharing a database."""
