"""``python -m newsgraph.cli``: the ``newsgraph`` command."""

from newsgraph.cli import main

main()
