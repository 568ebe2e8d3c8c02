# Completion for tdn in bash; generated from the command model (tdn completion bash).
# Source it from ~/.bashrc, or put it in ~/.local/share/bash-completion/completions/tdn.

# The words up to the cursor as tdn will receive them (words, cword, cur): bash splits
# "upper\ trapezius:left" at the ':' into three, which are joined again here.
_tdn_words() {
  local line=${COMP_LINE:0:COMP_POINT} at=0 i n w gap
  words=()
  for ((i = 0; i <= COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    gap=${line:at}
    [[ -n $w ]] && gap=${gap%%"$w"*}
    at=$((at + ${#gap} + ${#w}))
    n=${#words[@]}
    if ((n > 0)) && [[ -z $gap && ( $w == :* || ${words[n-1]} == *: ) ]]; then
      words[n-1]+=$w
    else
      words[n]=$w
    fi
  done
  cword=$((${#words[@]} - 1))
  cur=${words[cword]}
}

# The word under the cursor without its shell quoting (value): what tdn will receive.
_tdn_value() {
  case $cur in
    \"*) value=${cur#\"} ;;
    \'*) value=${cur#\'} ;;
    *) value=${cur//\\\\/$'\1'}; value=${value//\\/}; value=${value//$'\1'/\\} ;;
  esac
}

# Offers those of its arguments that start with the word under the cursor, quoted for the
# command line; after a ':' only what follows it, as bash replaces only that part.
_tdn_reply() {
  local value word prefix=
  _tdn_value
  case $cur in
    [\"\']*) ;;
    *:*) prefix=${cur%"${cur##*:}"} ;;
  esac
  for word in "$@"; do
    [[ $word == "$value"* ]] || continue
    case $cur in
      [\"\']*) COMPREPLY+=("$word") ;;
      *) printf -v word %q "$word"; COMPREPLY+=("${word#"$prefix"}") ;;
    esac
  done
}

# Offers file names; with -d only folders; with a suffix (.json) such files and folders.
_tdn_files() {
  local value file
  _tdn_value
  type compopt &>/dev/null && compopt -o filenames
  while IFS= read -r file; do
    COMPREPLY+=("$file")
  done < <(case $1 in
      -d) compgen -d -- "$value" ;;
      '') compgen -f -- "$value" ;;
      *) compgen -d -- "$value"; compgen -f -X "!*$1" -- "$value" ;;
    esac)
}

# A protocol: the names tdn knows, built in and the clinic's own, asked of the tdn being
# completed (only it knows where the clinic's are); or, for a word with a / in it or one that
# no name starts with, a protocol file.
_tdn_protocols() {
  local tdn=${words[0]} n=${#COMPREPLY[@]} name
  local -a names=()
  [[ $tdn == \~/* ]] && tdn=$HOME/${tdn#\~/}
  if [[ $cur != */* ]]; then
    while IFS= read -r name; do
      names+=("$name")
    done < <("$tdn" protocol list --names 2>/dev/null </dev/null)
    ((${#names[@]})) || names=(standard)
    _tdn_reply "${names[@]}"
  fi
  ((${#COMPREPLY[@]} > n)) || _tdn_files .json
}

# Walks the words before the cursor through the commands, then asks the command reached what
# may come next: an option's value, an option, a subcommand or a positional argument.
_tdn() {
  local words cword cur command=_tdn_cmd next pos=0 i w dashes=
  COMPREPLY=()
  _tdn_words
  for ((i = 1; i < cword; i++)); do
    w=${words[i]}
    if [[ -n $dashes ]]; then
      ((pos += 1))
    elif [[ $w == -- ]]; then
      dashes=1
    elif [[ $w == -* ]]; then
      if $command takes-value "$w"; then
        [[ ${words[i+1]} == = ]] && ((i += 1))
        if ((i + 1 >= cword)); then
          [[ $cur == = ]] && cur=
          $command value "$w"
          return 0
        fi
        ((i += 1))
      fi
    elif ((pos == 0)) && $command subcommand "$w"; then
      command=$next
    else
      ((pos += 1))
    fi
  done
  if [[ -z $dashes && $cur == -* ]]; then
    $command options
  else
    ((pos == 0)) && $command subcommands
    $command positional "$pos"
  fi
  return 0
}

# tdn
_tdn_cmd() {
  case $1 in
    options) _tdn_reply --no-color --store -h --help -V --version ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand)
      case $2 in
        session) next=_tdn_cmd_session ;;
        timer) next=_tdn_cmd_timer ;;
        recover) next=_tdn_cmd_recover ;;
        validate) next=_tdn_cmd_validate ;;
        import) next=_tdn_cmd_import ;;
        list) next=_tdn_cmd_list ;;
        show) next=_tdn_cmd_show ;;
        note) next=_tdn_cmd_note ;;
        export) next=_tdn_cmd_export ;;
        report) next=_tdn_cmd_report ;;
        protocol) next=_tdn_cmd_protocol ;;
        audit) next=_tdn_cmd_audit ;;
        store) next=_tdn_cmd_store ;;
        config) next=_tdn_cmd_config ;;
        completion) next=_tdn_cmd_completion ;;
        help) next=_tdn_cmd_help ;;
        *) return 1 ;;
      esac ;;
    subcommands) _tdn_reply session timer recover validate import list show note export report protocol audit store config completion help ;;
    positional) ;;
  esac
}

# tdn session
_tdn_cmd_session() {
  case $1 in
    options) _tdn_reply -p --patient -c --clinician --protocol -m --muscle --training --out --handout --no-import --resume --plain -h --help -V --version --no-color --store ;;
    takes-value) case $2 in -p|--patient|-c|--clinician|--protocol|-m|--muscle|--out|--time-scale|--store) return 0 ;; esac; return 1 ;;
    value)
      case $2 in
        --protocol) _tdn_protocols ;;
        -m|--muscle) _tdn_reply trapezius trapezius:left trapezius:right 'upper trapezius' 'upper trapezius:left' \
          'upper trapezius:right' 'middle trapezius' 'middle trapezius:left' \
          'middle trapezius:right' 'lower trapezius' 'lower trapezius:left' 'lower trapezius:right' \
          'levator scapulae' 'levator scapulae:left' 'levator scapulae:right' 'rhomboid major' \
          'rhomboid major:left' 'rhomboid major:right' 'rhomboid minor' 'rhomboid minor:left' \
          'rhomboid minor:right' supraspinatus supraspinatus:left supraspinatus:right infraspinatus \
          infraspinatus:left infraspinatus:right 'teres minor' 'teres minor:left' \
          'teres minor:right' 'teres major' 'teres major:left' 'teres major:right' subscapularis \
          subscapularis:left subscapularis:right deltoid deltoid:left deltoid:right \
          'anterior deltoid' 'anterior deltoid:left' 'anterior deltoid:right' 'middle deltoid' \
          'middle deltoid:left' 'middle deltoid:right' 'posterior deltoid' 'posterior deltoid:left' \
          'posterior deltoid:right' 'pectoralis major' 'pectoralis major:left' \
          'pectoralis major:right' 'pectoralis minor' 'pectoralis minor:left' \
          'pectoralis minor:right' 'latissimus dorsi' 'latissimus dorsi:left' \
          'latissimus dorsi:right' 'serratus anterior' 'serratus anterior:left' \
          'serratus anterior:right' 'biceps brachii' 'biceps brachii:left' 'biceps brachii:right' \
          'triceps brachii' 'triceps brachii:left' 'triceps brachii:right' brachialis \
          brachialis:left brachialis:right brachioradialis brachioradialis:left \
          brachioradialis:right 'extensor carpi radialis longus' \
          'extensor carpi radialis longus:left' 'extensor carpi radialis longus:right' \
          'extensor carpi radialis brevis' 'extensor carpi radialis brevis:left' \
          'extensor carpi radialis brevis:right' 'extensor digitorum' 'extensor digitorum:left' \
          'extensor digitorum:right' 'flexor carpi radialis' 'flexor carpi radialis:left' \
          'flexor carpi radialis:right' 'pronator teres' 'pronator teres:left' \
          'pronator teres:right' supinator supinator:left supinator:right sternocleidomastoid \
          sternocleidomastoid:left sternocleidomastoid:right 'scalene anterior' \
          'scalene anterior:left' 'scalene anterior:right' 'scalene medius' 'scalene medius:left' \
          'scalene medius:right' 'splenius capitis' 'splenius capitis:left' 'splenius capitis:right' \
          'splenius cervicis' 'splenius cervicis:left' 'splenius cervicis:right' \
          'semispinalis capitis' 'semispinalis capitis:left' 'semispinalis capitis:right' \
          suboccipitals suboccipitals:left suboccipitals:right masseter masseter:left masseter:right \
          temporalis temporalis:left temporalis:right multifidus multifidus:left multifidus:right \
          'cervical multifidus' 'cervical multifidus:left' 'cervical multifidus:right' \
          'lumbar multifidus' 'lumbar multifidus:left' 'lumbar multifidus:right' \
          'thoracic paraspinals' 'thoracic paraspinals:left' 'thoracic paraspinals:right' \
          'erector spinae' 'erector spinae:left' 'erector spinae:right' 'quadratus lumborum' \
          'quadratus lumborum:left' 'quadratus lumborum:right' iliopsoas iliopsoas:left \
          iliopsoas:right 'gluteus maximus' 'gluteus maximus:left' 'gluteus maximus:right' \
          'gluteus medius' 'gluteus medius:left' 'gluteus medius:right' 'gluteus minimus' \
          'gluteus minimus:left' 'gluteus minimus:right' piriformis piriformis:left piriformis:right \
          'tensor fasciae latae' 'tensor fasciae latae:left' 'tensor fasciae latae:right' \
          'adductor longus' 'adductor longus:left' 'adductor longus:right' 'adductor magnus' \
          'adductor magnus:left' 'adductor magnus:right' 'rectus femoris' 'rectus femoris:left' \
          'rectus femoris:right' 'vastus lateralis' 'vastus lateralis:left' 'vastus lateralis:right' \
          'vastus medialis' 'vastus medialis:left' 'vastus medialis:right' hamstrings \
          hamstrings:left hamstrings:right 'biceps femoris' 'biceps femoris:left' \
          'biceps femoris:right' 'biceps femoris long head' 'biceps femoris long head:left' \
          'biceps femoris long head:right' 'biceps femoris short head' \
          'biceps femoris short head:left' 'biceps femoris short head:right' semitendinosus \
          semitendinosus:left semitendinosus:right semimembranosus semimembranosus:left \
          semimembranosus:right gastrocnemius gastrocnemius:left gastrocnemius:right \
          'medial gastrocnemius' 'medial gastrocnemius:left' 'medial gastrocnemius:right' \
          'lateral gastrocnemius' 'lateral gastrocnemius:left' 'lateral gastrocnemius:right' soleus \
          soleus:left soleus:right 'tibialis anterior' 'tibialis anterior:left' \
          'tibialis anterior:right' 'peroneus longus' 'peroneus longus:left' 'peroneus longus:right' \
          'extensor digitorum longus' 'extensor digitorum longus:left' \
          'extensor digitorum longus:right' 'flexor digitorum longus' 'flexor digitorum longus:left' \
          'flexor digitorum longus:right' 'plantar fascia intrinsics' \
          'plantar fascia intrinsics:left' 'plantar fascia intrinsics:right' ;;
        --out) _tdn_files -d ;;
      esac ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional) ;;
  esac
}

# tdn timer
_tdn_cmd_timer() {
  case $1 in
    options) _tdn_reply --protocol --plain -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --protocol|--time-scale|--store) return 0 ;; esac; return 1 ;;
    value)
      case $2 in
        --protocol) _tdn_protocols ;;
      esac ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional)
      if (($2 >= 0 && $2 <= 0)); then _tdn_reply dwell weak compression; fi
      ;;
  esac
}

# tdn recover
_tdn_cmd_recover() {
  case $1 in
    options) _tdn_reply --out --no-import -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --out|--store) return 0 ;; esac; return 1 ;;
    value)
      case $2 in
        --out) _tdn_files -d ;;
      esac ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional) ;;
  esac
}

# tdn validate
_tdn_cmd_validate() {
  case $1 in
    options) _tdn_reply --json -q --quiet -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional)
      if (($2 >= 0)); then _tdn_files; fi
      ;;
  esac
}

# tdn import
_tdn_cmd_import() {
  case $1 in
    options) _tdn_reply --dry-run --replace --allow-training --json -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional)
      if (($2 >= 0)); then _tdn_files; fi
      ;;
  esac
}

# tdn list
_tdn_cmd_list() {
  case $1 in
    options) _tdn_reply --patient --clinician --since --until --status --limit --all --json -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --patient|--clinician|--since|--until|--status|--limit|--store) return 0 ;; esac; return 1 ;;
    value)
      case $2 in
        --status) _tdn_reply completed aborted not-done recovered resumed ;;
      esac ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional) ;;
  esac
}

# tdn show
_tdn_cmd_show() {
  case $1 in
    options) _tdn_reply --json -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional) ;;
  esac
}

# tdn note
_tdn_cmd_note() {
  case $1 in
    options) _tdn_reply --format -o --output -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --format|-o|--output|--store) return 0 ;; esac; return 1 ;;
    value)
      case $2 in
        --format) _tdn_reply text markdown ;;
        -o|--output) _tdn_files ;;
      esac ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional) ;;
  esac
}

# tdn export
_tdn_cmd_export() {
  case $1 in
    options) _tdn_reply --format --patient --clinician --since --until --status --include-training --patient-system --clinician-system --bundle --bom --deidentify --pseudonymise --pseudonymize -o --output -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --format|--patient|--clinician|--since|--until|--status|--patient-system|--clinician-system|--bundle|-o|--output|--store) return 0 ;; esac; return 1 ;;
    value)
      case $2 in
        --format) _tdn_reply ndjson csv fhir ;;
        --status) _tdn_reply completed aborted not-done recovered resumed ;;
        --bundle) _tdn_reply collection transaction ;;
        -o|--output) _tdn_files ;;
      esac ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional) ;;
  esac
}

# tdn report
_tdn_cmd_report() {
  case $1 in
    options) _tdn_reply --patient --clinician --since --until --status --include-training --json --html -o --output -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --patient|--clinician|--since|--until|--status|-o|--output|--store) return 0 ;; esac; return 1 ;;
    value)
      case $2 in
        --status) _tdn_reply completed aborted not-done recovered resumed ;;
        -o|--output) _tdn_files ;;
      esac ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional)
      if (($2 >= 0 && $2 <= 0)); then _tdn_reply adherence billing adverse-events progress; fi
      ;;
  esac
}

# tdn protocol
_tdn_cmd_protocol() {
  case $1 in
    options) _tdn_reply -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand)
      case $2 in
        list) next=_tdn_cmd_protocol_list ;;
        show) next=_tdn_cmd_protocol_show ;;
        validate) next=_tdn_cmd_protocol_validate ;;
        *) return 1 ;;
      esac ;;
    subcommands) _tdn_reply list show validate ;;
    positional) ;;
  esac
}

# tdn protocol list
_tdn_cmd_protocol_list() {
  case $1 in
    options) _tdn_reply --names -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional) ;;
  esac
}

# tdn protocol show
_tdn_cmd_protocol_show() {
  case $1 in
    options) _tdn_reply --json -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional)
      if (($2 >= 0 && $2 <= 0)); then _tdn_protocols; fi
      ;;
  esac
}

# tdn protocol validate
_tdn_cmd_protocol_validate() {
  case $1 in
    options) _tdn_reply -q --quiet -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional)
      if (($2 >= 0)); then _tdn_files; fi
      ;;
  esac
}

# tdn audit
_tdn_cmd_audit() {
  case $1 in
    options) _tdn_reply --patient --clinician --command --since --until --limit --all --json -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --patient|--clinician|--command|--since|--until|--limit|--store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand)
      case $2 in
        verify) next=_tdn_cmd_audit_verify ;;
        *) return 1 ;;
      esac ;;
    subcommands) _tdn_reply verify ;;
    positional) ;;
  esac
}

# tdn audit verify
_tdn_cmd_audit_verify() {
  case $1 in
    options) _tdn_reply --json -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional) ;;
  esac
}

# tdn store
_tdn_cmd_store() {
  case $1 in
    options) _tdn_reply -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand)
      case $2 in
        migrate) next=_tdn_cmd_store_migrate ;;
        copy) next=_tdn_cmd_store_copy ;;
        check) next=_tdn_cmd_store_check ;;
        repair) next=_tdn_cmd_store_repair ;;
        *) return 1 ;;
      esac ;;
    subcommands) _tdn_reply migrate copy check repair ;;
    positional) ;;
  esac
}

# tdn store migrate
_tdn_cmd_store_migrate() {
  case $1 in
    options) _tdn_reply -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional) ;;
  esac
}

# tdn store copy
_tdn_cmd_store_copy() {
  case $1 in
    options) _tdn_reply --to --json -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --to|--store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional) ;;
  esac
}

# tdn store check
_tdn_cmd_store_check() {
  case $1 in
    options) _tdn_reply --json -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional) ;;
  esac
}

# tdn store repair
_tdn_cmd_store_repair() {
  case $1 in
    options) _tdn_reply --force --allow-training --json -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional)
      if (($2 >= 0)); then _tdn_files; fi
      ;;
  esac
}

# tdn config
_tdn_cmd_config() {
  case $1 in
    options) _tdn_reply -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand)
      case $2 in
        init) next=_tdn_cmd_config_init ;;
        show) next=_tdn_cmd_config_show ;;
        *) return 1 ;;
      esac ;;
    subcommands) _tdn_reply init show ;;
    positional) ;;
  esac
}

# tdn config init
_tdn_cmd_config_init() {
  case $1 in
    options) _tdn_reply --clinician-id --name --credentials --protocol --needle-length --needle-gauge --patient-system --clinician-system -y --yes --force -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --clinician-id|--name|--credentials|--protocol|--needle-length|--needle-gauge|--patient-system|--clinician-system|--store) return 0 ;; esac; return 1 ;;
    value)
      case $2 in
        --protocol) _tdn_protocols ;;
      esac ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional) ;;
  esac
}

# tdn config show
_tdn_cmd_config_show() {
  case $1 in
    options) _tdn_reply -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional) ;;
  esac
}

# tdn completion
_tdn_cmd_completion() {
  case $1 in
    options) _tdn_reply -h --help -V --version --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional)
      if (($2 >= 0 && $2 <= 0)); then _tdn_reply bash zsh fish; fi
      ;;
  esac
}

# tdn help
_tdn_cmd_help() {
  case $1 in
    options) _tdn_reply -h --help --no-color --store ;;
    takes-value) case $2 in --store) return 0 ;; esac; return 1 ;;
    value) ;;
    subcommand) return 1 ;;
    subcommands) ;;
    positional) ;;
  esac
}
complete -F _tdn tdn
