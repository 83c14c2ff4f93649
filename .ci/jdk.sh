# Finds a Java runtime of a minimum feature version. Sourced (not run) by ./ligature,
# .ci/with-jdk25 and .ci/run, so that all three look in the same places in the same order:
#   1. $JAVA_HOME, if it is new enough;
#   2. the JDKs installed beside the default `java` (resolve its real path, look in the parent
#      folder, e.g. /usr/lib/jvm/*), plus /usr/lib/jvm/* and macOS's JavaVirtualMachines; the
#      newest one that is new enough wins;
#   3. `java` on PATH, if it is new enough.

# Prints the feature version (8, 17, 25, ...) of the Java home $1, or nothing.
ligature_java_version() {
    local home=$1 line v
    if [ -r "$home/release" ]; then
        line=$(grep -m1 '^JAVA_VERSION=' "$home/release" 2>/dev/null)
        v=${line#JAVA_VERSION=}
        v=${v//\"/}
    fi
    if [ -z "${v:-}" ] && [ -x "$home/bin/java" ]; then
        v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
    fi
    [ -n "${v:-}" ] || return 0
    case $v in
        1.*) v=${v#1.} ;;
    esac
    v=${v%%[!0-9]*}
    [ -n "$v" ] && echo "$v"
}

# ligature_find_java_home MIN [jdk]: prints the chosen Java home, or returns 1. With "jdk" the home
# must also have javac (Maven needs a JDK; running the jar needs only a runtime).
# Candidates that were rejected are listed in LIGATURE_JAVA_REJECTED for the error message.
ligature_find_java_home() {
    local min=$1 need_jdk=${2:-} home v best="" best_v=0 java_path
    LIGATURE_JAVA_REJECTED=""
    _ligature_ok() {
        [ -x "$1/bin/java" ] || return 1
        if [ "$need_jdk" = jdk ] && [ ! -x "$1/bin/javac" ]; then return 1; fi
        return 0
    }
    if [ -n "${JAVA_HOME:-}" ]; then
        v=$(ligature_java_version "$JAVA_HOME")
        if _ligature_ok "$JAVA_HOME" && [ "${v:-0}" -ge "$min" ]; then
            echo "$JAVA_HOME"
            return 0
        fi
        LIGATURE_JAVA_REJECTED+="  JAVA_HOME=$JAVA_HOME (Java ${v:-unknown})"$'\n'
    fi
    local dirs=()
    java_path=$(command -v java 2>/dev/null || true)
    if [ -n "$java_path" ]; then
        java_path=$(readlink -f "$java_path" 2>/dev/null || echo "$java_path")
        dirs+=("$(dirname "$(dirname "$(dirname "$java_path")")")")
    fi
    dirs+=(/usr/lib/jvm /usr/java /opt/java /Library/Java/JavaVirtualMachines)
    local d
    for d in "${dirs[@]}"; do
        [ -d "$d" ] || continue
        for home in "$d"/*/ "$d"/*/Contents/Home/; do
            home=${home%/}
            [ -d "$home" ] || continue
            _ligature_ok "$home" || continue
            v=$(ligature_java_version "$home")
            [ -n "$v" ] || continue
            if [ "$v" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then
                best=$home
                best_v=$v
            fi
        done
    done
    if [ -n "$best" ]; then
        echo "$best"
        return 0
    fi
    if [ -n "$java_path" ]; then
        home=$(dirname "$(dirname "$java_path")")
        v=$(ligature_java_version "$home")
        if _ligature_ok "$home" && [ "${v:-0}" -ge "$min" ]; then
            echo "$home"
            return 0
        fi
        LIGATURE_JAVA_REJECTED+="  java on PATH: $java_path (Java ${v:-unknown})"$'\n'
    fi
    return 1
}

# Explains what is missing and how to fix it; $1 = minimum version, $2 = "jdk" when javac is needed.
ligature_java_missing() {
    local what="a Java $1+ runtime"
    [ "${2:-}" = jdk ] && what="a JDK $1+ (with javac)"
    {
        echo "ligature: needs $what and found none."
        if [ -n "${LIGATURE_JAVA_REJECTED:-}" ]; then
            echo "Rejected:"
            printf '%s' "$LIGATURE_JAVA_REJECTED"
        fi
        echo "Looked at: \$JAVA_HOME, the JDKs beside the default java (e.g. /usr/lib/jvm/*), java on PATH."
        echo "Fix: install JDK $1 or newer (e.g. Eclipse Temurin from https://adoptium.net, or"
        echo "     'apt-get install temurin-$1-jdk' with the Adoptium apt repository), then"
        echo "     export JAVA_HOME=/path/to/that/jdk"
    } >&2
}
