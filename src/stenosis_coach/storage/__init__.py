"""The one place that touches the database: tables, engine, migrations, backups, repositories."""
