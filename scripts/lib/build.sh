# build_without_warnings DIR [swift build arguments...]: builds the package in DIR and fails on
# errors, and on warnings in the package's own code (dependencies' warnings are theirs).
build_without_warnings() {
    local dir=$1 log root
    shift
    root=$(cd "$dir" && pwd)
    log=$(mktemp)
    (cd "$dir" && swift build "$@") 2>&1 | tee "$log" | grep -E "error:|warning: .*/(Sources|Tests|Plugins)/" >&2 || true
    if ! grep -qE "Build (of product .* )?complete" "$log" || grep -qE "^$root/(Sources|Tests|Plugins)/.*warning:" "$log"; then
        tail -20 "$log" >&2
        rm -f "$log"
        echo "$dir: the build has errors or warnings in its own code" >&2
        exit 1
    fi
    rm -f "$log"
}
