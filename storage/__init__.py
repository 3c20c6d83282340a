"""The ledger: tables, engine set-up and the queries the CLI, API and scheduler use. Only package with SQL."""
