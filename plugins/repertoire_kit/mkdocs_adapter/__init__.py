"""The MkDocs plugin: a thin adapter that turns MkDocs events into calls on the core."""
