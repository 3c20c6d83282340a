"""Sources and verdicts: fetching, passages, matching, verdict rules, re-checks, the API and the CLI."""
