# Makes sure the system packages the build and tests need are installed.
# Sourced by the scripts in scripts/; installs with apt-get when it can, else says what to install.

# ensure_packages CHECK:PACKAGE ... where CHECK is a command name, or pkg:NAME for a pkg-config module.
ensure_packages() {
    local missing=() item check package
    for item in "$@"; do
        check=${item%%=*}
        package=${item#*=}
        if [[ $check == pkg:* ]]; then
            pkg-config --exists "${check#pkg:}" 2>/dev/null && continue
        else
            command -v "$check" >/dev/null 2>&1 && continue
        fi
        missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing ${missing[*]} ..." >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "missing system packages: ${missing[*]}" >&2
        echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
        echo "(on macOS: brew install libyaml redis)" >&2
        exit 1
    fi
}

ensure_build_packages() {
    ensure_packages pkg-config=pkg-config pkg:yaml-0.1=libyaml-dev
}

ensure_redis_packages() {
    ensure_packages redis-server=redis-server redis-cli=redis-tools openssl=openssl python3=python3
}
