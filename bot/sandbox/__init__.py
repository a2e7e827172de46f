"""Local stand-ins for Slack: a fake Web API server and the interactive sandbox console.

Nothing in here is used when the bot talks to the real Slack; it exists so that
tests and newcomers can run the real app end to end on loopback.
"""
