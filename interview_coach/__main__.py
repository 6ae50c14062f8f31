"""Allow ``python -m interview_coach`` as well as the console script."""

from interview_coach.cli.main import main

raise SystemExit(main())
