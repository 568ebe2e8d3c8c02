# Sourced by the start-up benchmarks: the baseline every ratio is to. `hello_world DIR` writes
# a hello-world program to DIR as a jar with its own class-data-sharing archive, started with
# the JVM options bin/tdn starts every command with ($jvm, from the launcher in the repository);
# afterwards `"${hello[@]}"` runs it.
jvm=$(sed -n 's/^jvm="\(.*\)"$/\1/p' src/dist/bin/tdn)
hello_world() {
  mkdir -p "$1"
  printf '%s\n' 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }' > "$1/Hello.java"
  javac -d "$1" "$1/Hello.java"
  (cd "$1" && jar --create --file hello.jar --main-class Hello Hello.class)
  # shellcheck disable=SC2086
  java $jvm -XX:ArchiveClassesAtExit="$1/hello.jsa" -Xlog:cds=off -jar "$1/hello.jar" >/dev/null
  # shellcheck disable=SC2206
  hello=(java $jvm -XX:SharedArchiveFile="$1/hello.jsa" -Xlog:cds=off -jar "$1/hello.jar")
}
