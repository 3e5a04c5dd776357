"""The full-screen session of `coalition assess` (Textual)."""

from coalition_cli.cli.console import textual_strips_every_control_code

textual_strips_every_control_code()
