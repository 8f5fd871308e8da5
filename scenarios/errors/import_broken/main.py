# divergence: an error in an imported module stops the program before it runs (exit 2); CPython raises it when the import runs (exit 1)
"""Errors in the modules a program imports are reported before anything runs, each at its place."""
import asyncio

import helpers
from reports import summary

print("never printed: the program does not run")
asyncio.run(helpers.work())
