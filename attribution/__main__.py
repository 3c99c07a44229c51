"""`python -m attribution` runs the command line."""

from attribution.cli import main

# Guarded: a worker process of `--jobs` started afresh imports this module again, and must
# not run the command a second time.
if __name__ == "__main__":
    main()
