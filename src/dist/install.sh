#!/bin/sh
# Installs tdn from this unpacked release folder for one user, or removes it again.
#
#   ./install.sh               install, or upgrade/reinstall over an earlier install
#   ./install.sh --uninstall   remove exactly what install.sh installed
#
# PREFIX (default ~/.local) says where: the release is copied to $PREFIX/share/tdn-VERSION,
# $PREFIX/share/tdn-current points at it, and $PREFIX/bin/tdn, the man pages in
# $PREFIX/share/man/man1 and the shell completions link to it through tdn-current, so that
# nothing outside needs changing when an upgrade moves tdn-current on. Every file and folder
# made outside tdn-VERSION is listed in tdn-VERSION/.install-manifest, which --uninstall reads.
#
# Neither ever touches tdn's data (records, journals, the store tdn.db, config), nor edits a
# shell start-up file: what would need a line there is printed for you to add.
set -eu

prog=${0##*/}
say() { printf '%s\n' "$*"; }
fail() { printf '%s: %s\n' "$prog" "$*" >&2; exit 1; }
[ -n "${HOME:-}" ] || fail "HOME is not set"

# the target of a symbolic link (readlink is not in POSIX)
target() { ls -ld "$1" | sed 's/.* -> //'; }

# whether $1 is a link that install.sh made: one into $share/tdn-...
ours() { [ -h "$1" ] && case $(target "$1") in "$share"/tdn-*) true ;; *) false ;; esac; }

# $HOME/... instead of /home/name/..., for lines the user copies
shown() { case $1 in "$HOME"/*) printf '$HOME/%s' "${1#"$HOME"/}" ;; *) printf '%s' "$1" ;; esac; }

# The manifest is lines "KIND PATH". entries KIND [reverse] prints the paths of one kind from
# the manifest on standard input, the last first with "reverse".
entries() {
  awk -v kind="$1" -v order="${2:-}" 'index($0, kind " ") == 1 { a[++n] = substr($0, length(kind) + 2) }
    END { for (i = 1; i <= n; i++) print a[order == "reverse" ? n + 1 - i : i] }'
}

# mkdir -p that notes each folder it creates, for the manifest
made=
makedir() {
  [ -d "$1" ] && return 0
  makedir "$(dirname "$1")"
  mkdir "$1"
  made="${made}dir $1
"
}

# links $1 to $2 (a path through tdn-current) and notes it; a file of the user's is left alone
link() {
  if [ -e "$1" ] && [ ! -h "$1" ]; then
    say "  left $1 alone: it is not a link install.sh made"
    return 0
  fi
  makedir "$(dirname "$1")"
  rm -f "$1"
  ln -s "$2" "$1"
  made="${made}link $1
"
}

# Removes the links that manifest $1 lists and manifest $2 does not; a link that no longer
# points into tdn's folders was changed by someone else and stays.
remove_links() {
  printf '%s\n' "$1" | entries link | while IFS= read -r f; do
    printf '%s\n' "$2" | grep -qxF "link $f" && continue
    if ours "$f"; then
      rm -f "$f"
    elif [ -e "$f" ] || [ -h "$f" ]; then
      say "  left $f: install.sh did not make it"
    fi
  done
}

# Removes the folders that manifest $1 lists and manifest $2 does not, deepest first, if empty.
remove_dirs() {
  printf '%s\n' "$1" | entries dir reverse | while IFS= read -r d; do
    printf '%s\n' "$2" | grep -qxF "dir $d" && continue
    rmdir "$d" 2>/dev/null || true
  done
}

here=$(cd "$(dirname "$0")" && pwd -P)

case ${1:-} in
  --uninstall) mode=uninstall ;;
  "") mode=install ;;
  -h|--help)
    sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'
    exit 0 ;;
  *) fail "unknown argument: $1 (try --help)" ;;
esac
[ $# -le 1 ] || fail "one argument at most (try --help)"

if [ "$mode" = install ]; then
  [ -f "$here/lib/tdn.jar" ] && [ -x "$here/bin/tdn" ] || fail "run install.sh from the unpacked release folder"
  # the version, and a check that Java 17+ is there, before anything is changed
  version=$("$here/bin/tdn" --version) || fail "bin/tdn could not start; nothing was installed"
  version=${version#tdn }
  case $version in ""|*[!0-9A-Za-z.+-]*) fail "unexpected version: $version" ;; esac
fi

# The installed copy knows its prefix; otherwise PREFIX or ~/.local.
if [ -z "${PREFIX:-}" ] && [ -f "$here/.install-manifest" ]; then
  PREFIX=$(entries prefix < "$here/.install-manifest")
fi
PREFIX=${PREFIX:-$HOME/.local}
case $PREFIX in /*) ;; *) fail "PREFIX must be an absolute path: $PREFIX" ;; esac
PREFIX=${PREFIX%/}
if [ "$mode" = install ]; then
  makedir "$PREFIX/share"
elif [ ! -d "$PREFIX/share" ]; then
  fail "no tdn installed by install.sh in $PREFIX (set PREFIX if it went elsewhere)"
fi
# the real path, so that comparing two folders by name compares the folders
share=$(cd "$PREFIX/share" && pwd -P)
current=$share/tdn-current
data=${TDN_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/tdn}
config=${TDN_HOME:-${XDG_CONFIG_HOME:-$HOME/.config}/tdn}
untouched="Your records, journals, store and settings ($(shown "$data"), $(shown "$config")) are not touched."

# an earlier install: its folder and its manifest
old=
old_list=
if [ -h "$current" ] && [ -f "$current/.install-manifest" ]; then
  old=$(cd "$current" && pwd -P)
  old_list=$(cat "$old/.install-manifest")
fi

if [ "$mode" = uninstall ]; then
  [ -n "$old" ] || fail "no tdn installed by install.sh in $PREFIX (set PREFIX if it went elsewhere)"
  version=$(printf '%s\n' "$old_list" | entries version)
  remove_links "$old_list" ""
  rm -f "$current"
  rm -rf "$old"
  # the folders last: share/ held the release until now
  remove_dirs "$old_list" ""
  say "tdn $version removed from $PREFIX."
  say "$untouched"
  exit 0
fi

dest=$share/tdn-$version
if [ -e "$dest" ] && [ "$dest" != "$old" ] && [ ! -f "$dest/lib/tdn.jar" ]; then
  fail "$dest exists and is not a tdn release; move it away first"
fi

say "Installing tdn $version in $PREFIX"
# Copy first, then swap: the folder being installed from may be the installed one.
new=$share/.tdn-$version.new.$$
aside=$share/.tdn-$version.old.$$
trap 'rm -rf "$new"' EXIT
rm -rf "$new"
cp -R "$here" "$new"
# what tdn --create-cds-archive made in the folder copied from is made again below
rm -f "$new/.install-manifest" "$new/lib/tdn.jsa"
rm -rf "$new/lib/native"
if [ -d "$dest" ]; then
  mv "$dest" "$aside"
fi
mv "$new" "$dest"
trap 'rm -rf "$aside"' EXIT

# the start-up archive records the jar's path: it is made where the jar stays
"$dest/bin/tdn" --create-cds-archive || say "  (no start-up archive: tdn works, only starts slower)"

rm -f "$current"
ln -s "tdn-$version" "$current"

link "$PREFIX/bin/tdn" "$current/bin/tdn"
for page in "$dest"/man/man1/*.1; do
  link "$share/man/man1/${page##*/}" "$current/man/man1/${page##*/}"
done
bash_dir=${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion/completions
zsh_dir=$share/zsh/site-functions
fish_dir=${XDG_CONFIG_HOME:-$HOME/.config}/fish/completions
link "$bash_dir/tdn" "$current/completions/tdn.bash"
link "$zsh_dir/_tdn" "$current/completions/_tdn"
link "$fish_dir/tdn.fish" "$current/completions/tdn.fish"

# the folders an earlier install created stay listed, for --uninstall to remove
list="prefix $PREFIX
version $version
$(printf '%s\n' "$old_list" | entries dir | sed 's/^/dir /')
$made"
printf '%s\n' "$list" | grep -v '^$' > "$dest/.install-manifest"

# what an earlier version installed and this one does not, and the earlier version itself
if [ -n "$old" ] && [ "$old" != "$dest" ]; then
  remove_links "$old_list" "$list"
  remove_dirs "$old_list" "$list"
  rm -rf "$old"
  say "  replaced ${old##*/}"
fi
rm -rf "$aside"

say "  $PREFIX/bin/tdn"
say "  man pages in $share/man/man1"
say "  completion: bash $bash_dir/tdn, zsh $zsh_dir/_tdn, fish $fish_dir/tdn.fish"
say "$untouched"
say "Remove it with: $(shown "$current")/install.sh --uninstall"
say ""

# PATH: said, never written into a start-up file
bin=$PREFIX/bin
case ":$PATH:" in
  *":$bin:"*)
    found=$(command -v tdn || true)
    if [ "$found" = "$bin/tdn" ]; then
      say "$bin is on your PATH: run tdn."
    else
      say "$bin is on your PATH, but another tdn comes first: $found"
    fi ;;
  *)
    say "$bin is not on your PATH yet, so the shell will not find tdn."
    if [ "$bin" = "$HOME/.local/bin" ] && [ -f "$HOME/.profile" ] && grep -q '\.local/bin' "$HOME/.profile"; then
      say "Your ~/.profile adds it when you log in: log out and in again. For this shell now:"
    else
      say "Add this line to ~/.bashrc (and ~/.profile for login shells), then open a new terminal:"
    fi
    say "  export PATH=\"$(shown "$bin"):\$PATH\"" ;;
esac

# man finds $PREFIX/share/man through $PREFIX/bin on the PATH (man-db's manpath does); a set
# MANPATH, or another man, may not
if command -v man >/dev/null 2>&1; then
  # man -w names the page, or (man-db) the file its link leads to
  case $(PATH="$bin:$PATH" man -w tdn 2>/dev/null || true) in
    "$PREFIX"/share/man/man1/tdn.1|"$share"/man/man1/tdn.1|"$dest"/man/man1/tdn.1) ;;
    *)
      say "man does not find tdn's pages by itself here; add this line too:"
      say "  export MANPATH=\"$(shown "$PREFIX/share/man"):\$MANPATH\"" ;;
  esac
fi

# zsh's own fpath (without your ~/.zshrc) has /usr/local/share/zsh/site-functions, not ~/.local's
if command -v zsh >/dev/null 2>&1 && ! zsh -fc 'print -rl -- $fpath' 2>/dev/null | grep -qxF "$zsh_dir"; then
  say "zsh: for completion, put this line before compinit in ~/.zshrc (unless fpath has it already):"
  say "  fpath=($(shown "$zsh_dir") \$fpath)"
fi
if [ ! -f /usr/share/bash-completion/bash_completion ] && [ ! -f /etc/bash_completion ]; then
  say "bash: completion loads by itself once the bash-completion package is installed; or add to ~/.bashrc:"
  say "  source $(shown "$current")/completions/tdn.bash"
fi

# the lines the earlier instructions had you add name one version, which an upgrade removes
for rc in "$HOME/.bashrc" "$HOME/.zshrc"; do
  if [ -f "$rc" ] && grep -q 'tdn-[0-9][0-9.]*/' "$rc"; then
    say "Your ${rc##*/} names a tdn version folder (an older install's line); it is not needed now:"
    grep -n 'tdn-[0-9][0-9.]*/' "$rc" | sed 's/^/  /'
  fi
done
