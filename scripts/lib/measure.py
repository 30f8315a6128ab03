#!/usr/bin/env python3
"""Runs a command and prints one JSON line: wall seconds, client CPU seconds, peak RSS, exit status.

Usage: measure.py COMMAND [ARGS...]   (the command's stdout goes to stderr, so the JSON line stands alone)
"""
import json
import os
import subprocess
import sys
import time

start = time.monotonic()
process = subprocess.Popen(sys.argv[1:], stdout=sys.stderr)
_, status, usage = os.wait4(process.pid, 0)
wall = time.monotonic() - start
print(json.dumps({
    "wall_s": round(wall, 3),
    "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
    "max_rss_mb": round(usage.ru_maxrss / 1024, 1),
    "status": os.waitstatus_to_exitcode(status),
}))
