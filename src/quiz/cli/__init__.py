"""The Typer commands. Thin: they parse options, call the core and hand results to term/."""
