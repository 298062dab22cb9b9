"""Everything that reaches the terminal: consoles, sanitising, tables, the session."""
