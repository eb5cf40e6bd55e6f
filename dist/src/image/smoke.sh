#!/bin/sh
# Runs the container image without Docker: unpacks the layers of the image tarball into a
# temporary root file system (a scratch base has no whiteouts to honour) and starts its entrypoint
# under chroot as the image's user, with the image's environment, like a container runtime would.
# Passes when the server answers the gRPC health check SERVING and exits 0 on SIGTERM.
#
# usage (as root, for chroot and mount): dist/src/image/smoke.sh [IMAGE_TAR]
#   default IMAGE_TAR: dist/target/resource-plans-image.tar
# Health checks use buf curl through npx (the buf version CI uses for lint).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
tarball=${1:-$here/../../target/resource-plans-image.tar}
start_limit=120   # seconds until SERVING
stop_limit=60     # seconds from SIGTERM to exit
buf="npx --yes @bufbuild/buf@1.75.0"

[ "$(id -u)" = 0 ] || { echo "smoke: needs root (chroot, mount)" >&2; exit 1; }
[ -f "$tarball" ] || { echo "smoke: no image tarball at $tarball (mvn -B -q -DskipTests package)" >&2; exit 1; }

work=$(mktemp -d /tmp/rp-image-smoke.XXXXXX)
root=$work/rootfs
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  for m in "$root/dev" "$root/proc"; do
    if mountpoint -q "$m" 2>/dev/null; then umount "$m" 2>/dev/null || umount -l "$m"; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The image: manifest.json names the config and the layers in order (Jib writes compact JSON).
mkdir -p "$root"
tar -xf "$tarball" -C "$work" manifest.json
config=$(sed 's/.*"Config":"\([^"]*\)".*/\1/' "$work/manifest.json")
tar -xf "$tarball" -C "$work" "$config"
layers=$(sed 's/.*"Layers":\[\([^]]*\)\].*/\1/' "$work/manifest.json" | tr ',' '\n' | tr -d '"')
for layer in $layers; do
  tar -xf "$tarball" -C "$work" "$layer"
  tar --warning=no-unknown-keyword --numeric-owner -xzf "$work/$layer" -C "$root"
  rm -f "$work/$layer"
done

# Its entrypoint, user and environment (values without commas or quotes, as this image has).
json_array() { sed "s/.*\"$1\":\[\([^]]*\)\].*/\1/" "$work/$config" | tr ',' '\n' | sed 's/^"//; s/"$//'; }
user=$(sed 's/.*"User":"\([^"]*\)".*/\1/' "$work/$config")
entrypoint=$(json_array Entrypoint)
environment=$(json_array Env)
echo "smoke: user $user, entrypoint: $(echo $entrypoint)"

# What a runtime provides: /proc and /dev. The runtime also sets HOME and a default PATH.
mkdir -p "$root/proc" "$root/dev"
mount --bind /proc "$root/proc"
mount --bind /dev "$root/dev"

log=$work/server.log
chroot=$(command -v chroot) # by its path: the image's PATH is in force for env
# shellcheck disable=SC2086 # one word per entrypoint argument and variable (none has spaces)
env -i HOME=/var/lib/resource-plans PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  $environment "$chroot" --userspec="$user" "$root" $entrypoint --port=0 > "$log" 2>&1 &
pid=$!

# --port=0: the server picks a free port and logs it.
started=$(date +%s)
port=
serving=
while [ $(( $(date +%s) - started )) -lt $start_limit ]; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "smoke: FAILED, the server exited while starting:" >&2; tail -40 "$log" >&2; exit 1
  fi
  if [ -z "$port" ]; then
    port=$(sed -n 's/.*resource-plans serving on port \([0-9]*\).*/\1/p' "$log" | head -1)
  fi
  if [ -n "$port" ] && $buf curl --protocol grpc --http2-prior-knowledge --timeout 2s \
      "http://127.0.0.1:$port/grpc.health.v1.Health/Check" 2>/dev/null | grep -q '"SERVING"'; then
    serving=$(( $(date +%s) - started ))
    break
  fi
  sleep 1
done
if [ -z "$serving" ]; then
  echo "smoke: FAILED, not SERVING within ${start_limit}s:" >&2; tail -40 "$log" >&2; exit 1
fi
uid=$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")
echo "smoke: SERVING on port $port after ${serving}s, process uid $uid"
[ "$uid" = "${user%%:*}" ] || { echo "smoke: FAILED, runs as uid $uid, not $user" >&2; exit 1; }

kill -TERM "$pid"
stopping=$(date +%s)
while kill -0 "$pid" 2>/dev/null && [ $(( $(date +%s) - stopping )) -lt $stop_limit ]; do
  sleep 1
done
if kill -0 "$pid" 2>/dev/null; then
  echo "smoke: FAILED, still running ${stop_limit}s after SIGTERM:" >&2; tail -40 "$log" >&2; exit 1
fi
code=0
wait "$pid" || code=$?
pid=
if [ "$code" != 0 ]; then
  echo "smoke: FAILED, exit code $code after SIGTERM:" >&2; tail -40 "$log" >&2; exit 1
fi
echo "smoke: OK, exit 0 $(( $(date +%s) - stopping ))s after SIGTERM"
