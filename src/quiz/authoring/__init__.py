"""What pack authors use to make packs: importers, the starter, article drafting, lint, verify.

This sits above :mod:`quiz.packs` (the pack format itself) and below the CLI.
"""
