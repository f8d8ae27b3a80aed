"""``python -m rscao_graph``: the same as the ``rscao-graph`` command."""

from .cli import main

if __name__ == "__main__":
    main()
