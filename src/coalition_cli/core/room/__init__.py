"""A live rating session in the room: participants rate from their phones, the facilitator sees the spread.

Pure core, no web or terminal code: what the journal beside the assessment holds (`records`,
`journal`), the session those records replay into (`state`), the numbers the facilitator reveals
(`tally`, using the consensus rules), the secrets that guard a session (`tokens`), the phones here
now (`phones`), which indicator comes next (`agenda`), the anonymous rater files a session exports
(`export`) and the line the plan prints (`summary`). The web server
is `coalition_cli.web`; the command is `cli/commands/room.py`.
"""
