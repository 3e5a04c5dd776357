"""`python -m coalition_cli` runs the same CLI as the `coalition` command."""

from coalition_cli.cli.launch import main

main()
