"""The data folder and the SQLite score file."""
