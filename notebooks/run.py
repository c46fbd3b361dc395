#!/usr/bin/env python3
"""Checks, strips and executes the worked notebooks; scripts/notebooks calls it.

    python notebooks/run.py check            # fail if a notebook in notebooks/ holds outputs
    python notebooks/run.py strip            # clear outputs and execution counts in place
    python notebooks/run.py execute OUT_DIR [NAME...]  # run every notebook (or those whose name
                                                      # starts with NAME) with nbclient; copies in OUT_DIR

`execute` runs each notebook in a fresh kernel with notebooks/ as its working
folder; a notebook stops at its first failing cell, the others still run, and
the exit status is 1 when any failed. It never writes over
the committed notebooks. The notebooks read TERRITORIO (the binary) and
NOTEBOOK_OUT (where they write the CLI's outputs) from the environment.
"""
import os
import sys
import time
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent


def notebooks():
    return sorted(HERE.glob("[0-9][0-9]_*.ipynb"))


def dirty_cells(notebook):
    return [index for index, cell in enumerate(notebook.cells)
            if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)]


def check():
    failed = False
    for path in notebooks():
        dirty = dirty_cells(nbformat.read(path, as_version=4))
        if dirty:
            failed = True
            print(f"{path.relative_to(HERE.parent)}: cells {', '.join(map(str, dirty))} hold outputs; "
                  f"run `python notebooks/run.py strip` before committing", file=sys.stderr)
    if not notebooks():
        print("no notebooks in notebooks/", file=sys.stderr)
        failed = True
    return 1 if failed else 0


def strip():
    for path in notebooks():
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
            cell.metadata.pop("execution", None)
        notebook.metadata.pop("widgets", None)
        # The kernel fills in its own Python version: keep only what does not vary by machine.
        notebook.metadata["language_info"] = {"name": "python"}
        nbformat.write(notebook, path)
    return 0


def execute(out_dir, names=()):
    import tempfile

    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("NOTEBOOK_OUT", str(out_dir / "data"))
    status = failed = 0
    total = time.monotonic()
    chosen = [path for path in notebooks() if not names or any(path.name.startswith(name) for name in names)]
    for path in chosen:
        notebook = nbformat.read(path, as_version=4)
        start = time.monotonic()
        # The kernel talks over Unix sockets in a private folder, not TCP ports.
        with tempfile.TemporaryDirectory(prefix="territorio-kernel-") as sockets:
            manager = KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(sockets, "kernel"))
            client = NotebookClient(notebook, km=manager, timeout=300, resources={"metadata": {"path": str(HERE)}})
            try:
                client.execute()
                outcome = "ok"
            except CellExecutionError as error:
                status = 1
                outcome = "FAILED"
                print(str(error), file=sys.stderr)
            finally:
                nbformat.write(notebook, out_dir / path.name)
                if manager.has_kernel:
                    manager.shutdown_kernel()
        print(f"{path.name}: {outcome} in {time.monotonic() - start:.1f} s", flush=True)
        failed += outcome != "ok"
    print(f"{len(chosen)} notebooks, {failed} failed, {time.monotonic() - total:.1f} s; executed copies in {out_dir}")
    return status


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "check":
        sys.exit(check())
    if command == "strip":
        sys.exit(strip())
    if command == "execute" and len(sys.argv) >= 3:
        sys.exit(execute(sys.argv[2], sys.argv[3:]))
    print(__doc__, file=sys.stderr)
    sys.exit(64)
