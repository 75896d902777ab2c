"""The data file: engine and SQLite settings, ORM models, migrations, backup."""
