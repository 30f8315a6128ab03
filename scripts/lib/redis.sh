# Starts throwaway redis-servers on free loopback ports and stops them on exit.
# Sourced by scripts/test, scripts/demo and the benchmarks. Servers keep nothing on disk.

REDIS_WORK=$(mktemp -d "${TMPDIR:-/tmp}/redis-schema.XXXXXX")
REDIS_PIDS=()

stop_redis_servers() {
    local pid
    for pid in "${REDIS_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${REDIS_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$REDIS_WORK"
}
trap stop_redis_servers EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# free_cluster_port: a free port P at most 55535 whose cluster bus port P + 10000 is free too (a cluster
# node refuses a higher port, and the kernel's ephemeral range usually starts above it).
free_cluster_port() {
    python3 -c '
import random, socket
for _ in range(1000):
    port = random.randint(20000, 55535)
    sockets = []
    try:
        for candidate in (port, port + 10000):
            s = socket.socket(); sockets.append(s); s.bind(("127.0.0.1", candidate))
    except OSError:
        continue
    finally:
        for s in sockets: s.close()
    print(port); break
else:
    raise SystemExit("no free port pair for a cluster node")
'
}

# start_redis_server NAME PORT [config lines...]: the configuration goes through a file so quoting is exact.
start_redis_server() {
    local name=$1 port=$2 line
    shift 2
    mkdir -p "$REDIS_WORK/$name"
    {
        echo "port $port"
        echo "bind 127.0.0.1 ::1"
        echo "save \"\""
        echo "appendonly no"
        echo "dir $REDIS_WORK/$name"
        echo "logfile $REDIS_WORK/$name/redis.log"
        echo "enable-debug-command local"
        for line in "$@"; do echo "$line"; done
    } > "$REDIS_WORK/$name/redis.conf"
    ${REDIS_TASKSET:-} redis-server "$REDIS_WORK/$name/redis.conf" &
    REDIS_PIDS+=($!)
    for _ in $(seq 1 100); do
        if [ -n "$(redis-cli -p "$port" ping 2>/dev/null)" ]; then
            return 0
        fi
        sleep 0.1
    done
    echo "redis-server '$name' did not start on port $port:" >&2
    cat "$REDIS_WORK/$name/redis.log" >&2 || true
    exit 1
}

# make_test_pki DIR: a throwaway CA, a server certificate for localhost/127.0.0.1/::1, a client
# certificate, and an unrelated CA for the wrong-CA tests.
make_test_pki() {
    local dir=$1
    mkdir -p "$dir"
    (
        cd "$dir"
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=redis-schema test CA" \
            -keyout ca.key -out ca.crt 2>/dev/null
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=unrelated test CA" \
            -keyout other-ca.key -out other-ca.crt 2>/dev/null
        printf 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\nextendedKeyUsage=serverAuth\n' > server.ext
        openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
        openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
            -extfile server.ext -out server.crt 2>/dev/null
        printf 'extendedKeyUsage=clientAuth\n' > client.ext
        openssl req -newkey rsa:2048 -nodes -subj "/CN=redis-schema test client" \
            -keyout client.key -out client.csr 2>/dev/null
        openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
            -extfile client.ext -out client.crt 2>/dev/null
    )
}
