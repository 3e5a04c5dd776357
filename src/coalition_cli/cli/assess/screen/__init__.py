"""The full-screen session of `coalition assess` (Textual)."""
