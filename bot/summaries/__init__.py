"""Weekly summaries for team leads (issue 5).

- :mod:`bot.summaries.weeks`: ISO weeks in a workspace time zone as UTC ranges.
- :mod:`bot.summaries.compute`: ``build_weekly_summary(store, workspace, week)``.
- :mod:`bot.summaries.scheduler`: due summaries, exactly-once delivery, the serve loop.
- :mod:`bot.summaries.export`: text / json / blocks / csv output for the CLI.
- :mod:`bot.summaries.wiring`: registers the summary listeners on the Bolt app.
"""

from bot.summaries.compute import MIN_GROUP_SIZE, build_weekly_summary
from bot.summaries.scheduler import send_due

__all__ = ["MIN_GROUP_SIZE", "build_weekly_summary", "send_due"]
