#!/usr/bin/env python3
"""Loads a RESP command file (as populate.py --out writes it) into a Redis Cluster: each command goes
to the primary that owns its key's slot, read from CLUSTER NODES of any node.

    load_cluster.py FILE.resp PORT

Every command's first argument is its key (true of what populate.py writes); keys are hashed as
Redis Cluster does, CRC16 (XMODEM) of the hash tag if there is one, modulo 16384.
"""
import subprocess
import sys


def crc16(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def slot(key: bytes) -> int:
    start = key.find(b"{")
    if start >= 0:
        end = key.find(b"}", start + 1)
        if end > start + 1:
            key = key[start + 1:end]
    return crc16(key) % 16384


def primaries(port: int):
    """(port, [(first, last), ...]) of every primary, from CLUSTER NODES."""
    text = subprocess.run(["redis-cli", "-p", str(port), "CLUSTER", "NODES"], check=True,
                          capture_output=True, text=True).stdout
    nodes = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 8 or "master" not in fields[2].split(","):
            continue
        node_port = int(fields[1].split("@")[0].rsplit(":", 1)[1])
        ranges = []
        for part in fields[8:]:
            if part.startswith("["):
                continue  # a slot being migrated
            first, _, last = part.partition("-")
            ranges.append((int(first), int(last or first)))
        nodes.append((node_port, ranges))
    return nodes


def commands(data: bytes):
    """Each RESP command of `data` as (key, its raw bytes)."""
    position = 0
    while position < len(data):
        start = position
        end = data.index(b"\r\n", position)
        count = int(data[position + 1:end])
        position = end + 2
        key = None
        for index in range(count):
            end = data.index(b"\r\n", position)
            length = int(data[position + 1:end])
            argument = data[end + 2:end + 2 + length]
            if index == 1:
                key = argument
            position = end + 2 + length + 2
        yield key, data[start:position]


def main():
    path, port = sys.argv[1], int(sys.argv[2])
    owner = [0] * 16384
    nodes = primaries(port)
    for index, (_, ranges) in enumerate(nodes):
        for first, last in ranges:
            for number in range(first, last + 1):
                owner[number] = index
    chunks = [[] for _ in nodes]
    with open(path, "rb") as file:
        for key, raw in commands(file.read()):
            if key is None:
                sys.exit(f"load_cluster: a command without a key in {path}")
            chunks[owner[slot(key)]].append(raw)
    loaders = [subprocess.Popen(["redis-cli", "-p", str(node_port), "--pipe"], stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL) for node_port, _ in nodes]
    for loader, chunk in zip(loaders, chunks):
        loader.stdin.write(b"".join(chunk))
        loader.stdin.close()
    for loader in loaders:
        if loader.wait() != 0:
            sys.exit("load_cluster: redis-cli --pipe failed")


if __name__ == "__main__":
    main()
