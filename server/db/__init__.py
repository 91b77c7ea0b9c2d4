"""The server's database layer: ORM models, engine set-up, migrations and queries."""
