# Completion for tdn in fish; generated from the command model (tdn completion fish). Put it in ~/.config/fish/completions/tdn.fish.

# True when the words before the cursor lead to the command $argv[1] (tdn/protocol/show) and no deeper.
function __tdn_at
    set -l at tdn
    for word in (commandline -opc)[2..-1]
        if contains -- $at/$word tdn/session tdn/timer tdn/recover tdn/validate tdn/import tdn/list tdn/show tdn/export tdn/report tdn/protocol tdn/protocol/list tdn/protocol/show tdn/protocol/validate tdn/completion tdn/help
            set at $at/$word
        end
    end
    test $at = $argv[1]
end

# A protocol: the names tdn knows, built in and the clinic's own, asked of the tdn being
# completed (only it knows where the clinic's are); or, for a word with a / in it or one that
# no name starts with, a protocol file.
function __tdn_protocols
    set -l token (commandline -ct)
    if not string match -q -- '*/*' $token
        set -l tdn (commandline -opc)[1]
        set -l names
        if command -q -- $tdn
            set names (command $tdn protocol list --names 2>/dev/null </dev/null)
        end
        set -q names[1]; or set names standard
        if string match -q -- "$token*" $names
            printf '%s\n' $names
            return
        end
    end
    __fish_complete_suffix .json
end

complete -c tdn -f
complete -c tdn -n '__tdn_at tdn' -a 'session' -d 'Guide a dry needling session step by step and write its record'
complete -c tdn -n '__tdn_at tdn' -a 'timer' -d 'Time one window on its own, with no session and no record: counts up, says when the minimum is reached and when the maximum is passed, and stops on Enter'
complete -c tdn -n '__tdn_at tdn' -a 'recover' -d 'Finish sessions that were interrupted (tdn killed, terminal closed, power lost)'
complete -c tdn -n '__tdn_at tdn' -a 'validate' -d 'Check session records against the v1 schema and the record rules'
complete -c tdn -n '__tdn_at tdn' -a 'import' -d 'Import session records into the clinic store, as a script or cron job would'
complete -c tdn -n '__tdn_at tdn' -a 'list' -d 'List the sessions in the clinic store, newest first: 50 by default, every match with --all'
complete -c tdn -n '__tdn_at tdn' -a 'show' -d 'Show one session from the clinic store: points, timings, deviations and outcome'
complete -c tdn -n '__tdn_at tdn' -a 'export' -d 'Export sessions from the clinic store to other systems, oldest first'
complete -c tdn -n '__tdn_at tdn' -a 'report' -d 'Answer a clinic\'s questions about the sessions in the store'
complete -c tdn -n '__tdn_at tdn' -a 'protocol' -d 'List, show and check the protocols that guide a session: the wording of each step, the dwell and compression windows, the screening checklist and the site-prep checklist'
complete -c tdn -n '__tdn_at tdn' -a 'completion' -d 'Print the shell completion script for bash, zsh or fish'
complete -c tdn -n '__tdn_at tdn' -a 'help' -d '%nWhen no COMMAND is given, the usage help for the main command is displayed'
complete -c tdn -n '__tdn_at tdn' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/session' -s p -l patient -x -d 'The clinic\'s patient identifier, such as an MRN (never a name). Asked if left out.'
complete -c tdn -n '__tdn_at tdn/session' -s c -l clinician -x -d 'Your clinician id (from config.json: tdn config init).'
complete -c tdn -n '__tdn_at tdn/session' -l protocol -x -a '(__tdn_protocols)' -d 'Protocol to follow (from config.json, else standard).'
complete -c tdn -n '__tdn_at tdn/session' -s m -l muscle -x -a '\'trapezius\' \'trapezius:left\' \'trapezius:right\' \'upper trapezius\' \'upper trapezius:left\' \'upper trapezius:right\' \'middle trapezius\' \'middle trapezius:left\' \'middle trapezius:right\' \'lower trapezius\' \'lower trapezius:left\' \'lower trapezius:right\' \'levator scapulae\' \'levator scapulae:left\' \'levator scapulae:right\' \'rhomboid major\' \'rhomboid major:left\' \'rhomboid major:right\' \'rhomboid minor\' \'rhomboid minor:left\' \'rhomboid minor:right\' \'supraspinatus\' \'supraspinatus:left\' \'supraspinatus:right\' \'infraspinatus\' \'infraspinatus:left\' \'infraspinatus:right\' \'teres minor\' \'teres minor:left\' \'teres minor:right\' \'teres major\' \'teres major:left\' \'teres major:right\' \'subscapularis\' \'subscapularis:left\' \'subscapularis:right\' \'deltoid\' \'deltoid:left\' \'deltoid:right\' \'anterior deltoid\' \'anterior deltoid:left\' \'anterior deltoid:right\' \'middle deltoid\' \'middle deltoid:left\' \'middle deltoid:right\' \'posterior deltoid\' \'posterior deltoid:left\' \'posterior deltoid:right\' \'pectoralis major\' \'pectoralis major:left\' \'pectoralis major:right\' \'pectoralis minor\' \'pectoralis minor:left\' \'pectoralis minor:right\' \'latissimus dorsi\' \'latissimus dorsi:left\' \'latissimus dorsi:right\' \'serratus anterior\' \'serratus anterior:left\' \'serratus anterior:right\' \'biceps brachii\' \'biceps brachii:left\' \'biceps brachii:right\' \'triceps brachii\' \'triceps brachii:left\' \'triceps brachii:right\' \'brachialis\' \'brachialis:left\' \'brachialis:right\' \'brachioradialis\' \'brachioradialis:left\' \'brachioradialis:right\' \'extensor carpi radialis longus\' \'extensor carpi radialis longus:left\' \'extensor carpi radialis longus:right\' \'extensor carpi radialis brevis\' \'extensor carpi radialis brevis:left\' \'extensor carpi radialis brevis:right\' \'extensor digitorum\' \'extensor digitorum:left\' \'extensor digitorum:right\' \'flexor carpi radialis\' \'flexor carpi radialis:left\' \'flexor carpi radialis:right\' \'pronator teres\' \'pronator teres:left\' \'pronator teres:right\' \'supinator\' \'supinator:left\' \'supinator:right\' \'sternocleidomastoid\' \'sternocleidomastoid:left\' \'sternocleidomastoid:right\' \'scalene anterior\' \'scalene anterior:left\' \'scalene anterior:right\' \'scalene medius\' \'scalene medius:left\' \'scalene medius:right\' \'splenius capitis\' \'splenius capitis:left\' \'splenius capitis:right\' \'splenius cervicis\' \'splenius cervicis:left\' \'splenius cervicis:right\' \'semispinalis capitis\' \'semispinalis capitis:left\' \'semispinalis capitis:right\' \'suboccipitals\' \'suboccipitals:left\' \'suboccipitals:right\' \'masseter\' \'masseter:left\' \'masseter:right\' \'temporalis\' \'temporalis:left\' \'temporalis:right\' \'multifidus\' \'multifidus:left\' \'multifidus:right\' \'cervical multifidus\' \'cervical multifidus:left\' \'cervical multifidus:right\' \'lumbar multifidus\' \'lumbar multifidus:left\' \'lumbar multifidus:right\' \'thoracic paraspinals\' \'thoracic paraspinals:left\' \'thoracic paraspinals:right\' \'erector spinae\' \'erector spinae:left\' \'erector spinae:right\' \'quadratus lumborum\' \'quadratus lumborum:left\' \'quadratus lumborum:right\' \'iliopsoas\' \'iliopsoas:left\' \'iliopsoas:right\' \'gluteus maximus\' \'gluteus maximus:left\' \'gluteus maximus:right\' \'gluteus medius\' \'gluteus medius:left\' \'gluteus medius:right\' \'gluteus minimus\' \'gluteus minimus:left\' \'gluteus minimus:right\' \'piriformis\' \'piriformis:left\' \'piriformis:right\' \'tensor fasciae latae\' \'tensor fasciae latae:left\' \'tensor fasciae latae:right\' \'adductor longus\' \'adductor longus:left\' \'adductor longus:right\' \'adductor magnus\' \'adductor magnus:left\' \'adductor magnus:right\' \'rectus femoris\' \'rectus femoris:left\' \'rectus femoris:right\' \'vastus lateralis\' \'vastus lateralis:left\' \'vastus lateralis:right\' \'vastus medialis\' \'vastus medialis:left\' \'vastus medialis:right\' \'hamstrings\' \'hamstrings:left\' \'hamstrings:right\' \'biceps femoris\' \'biceps femoris:left\' \'biceps femoris:right\' \'biceps femoris long head\' \'biceps femoris long head:left\' \'biceps femoris long head:right\' \'biceps femoris short head\' \'biceps femoris short head:left\' \'biceps femoris short head:right\' \'semitendinosus\' \'semitendinosus:left\' \'semitendinosus:right\' \'semimembranosus\' \'semimembranosus:left\' \'semimembranosus:right\' \'gastrocnemius\' \'gastrocnemius:left\' \'gastrocnemius:right\' \'medial gastrocnemius\' \'medial gastrocnemius:left\' \'medial gastrocnemius:right\' \'lateral gastrocnemius\' \'lateral gastrocnemius:left\' \'lateral gastrocnemius:right\' \'soleus\' \'soleus:left\' \'soleus:right\' \'tibialis anterior\' \'tibialis anterior:left\' \'tibialis anterior:right\' \'peroneus longus\' \'peroneus longus:left\' \'peroneus longus:right\' \'extensor digitorum longus\' \'extensor digitorum longus:left\' \'extensor digitorum longus:right\' \'flexor digitorum longus\' \'flexor digitorum longus:left\' \'flexor digitorum longus:right\' \'plantar fascia intrinsics\' \'plantar fascia intrinsics:left\' \'plantar fascia intrinsics:right\'' -d 'Plan the points in order, such as "upper trapezius:left"; each is offered as the default.'
complete -c tdn -n '__tdn_at tdn/session' -l training -d 'Practice: the record is marked training and is not imported.'
complete -c tdn -n '__tdn_at tdn/session' -l out -x -a '(__fish_complete_directories)' -d 'Write the record here instead of the sessions folder.'
complete -c tdn -n '__tdn_at tdn/session' -l handout -d 'Print the aftercare handout for the patient at the end.'
complete -c tdn -n '__tdn_at tdn/session' -l no-import -d 'Do not import the record into the clinic store (it is written to its file either way).'
complete -c tdn -n '__tdn_at tdn/session' -l resume -x -d 'Go on with an interrupted session from its journal, at the step where it stopped (the only one waiting, or ID). The outage is recorded, estimated from the wall clock.'
complete -c tdn -n '__tdn_at tdn/session' -l plain -d 'Plain lines even on a terminal (one prompt, one answer per line).'
complete -c tdn -n '__tdn_at tdn/session' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn/session' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/session' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/session' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn/timer' -l protocol -x -a '(__tdn_protocols)' -d 'Protocol whose windows to use; default: the config file\'s protocol, else standard.'
complete -c tdn -n '__tdn_at tdn/timer' -l plain -d 'Plain lines even on a terminal.'
complete -c tdn -n '__tdn_at tdn/timer' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn/timer' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/timer' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/timer' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn/timer' -x -a '\'dwell\' \'weak\' \'compression\''
complete -c tdn -n '__tdn_at tdn/recover' -l out -x -a '(__fish_complete_directories)' -d 'Write records here instead of the sessions folder.'
complete -c tdn -n '__tdn_at tdn/recover' -l no-import -d 'Do not import the records into the clinic store (they are written to their files either way).'
complete -c tdn -n '__tdn_at tdn/recover' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn/recover' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/recover' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/recover' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn/validate' -l json -d 'Print JSON for scripts instead of text (what it holds is described above).'
complete -c tdn -n '__tdn_at tdn/validate' -s q -l quiet -d 'Do not print the summary line.'
complete -c tdn -n '__tdn_at tdn/validate' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn/validate' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/validate' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/validate' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn/validate' -F
complete -c tdn -n '__tdn_at tdn/import' -l dry-run -d 'Check everything and report, but write nothing.'
complete -c tdn -n '__tdn_at tdn/import' -l replace -d 'Replace a stored record that has the same id but other content.'
complete -c tdn -n '__tdn_at tdn/import' -l allow-training -d 'Import training records (made on a scaled clock).'
complete -c tdn -n '__tdn_at tdn/import' -l json -d 'Print JSON for scripts instead of text (what it holds is described above).'
complete -c tdn -n '__tdn_at tdn/import' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn/import' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/import' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/import' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn/import' -F
complete -c tdn -n '__tdn_at tdn/list' -l patient -x -d 'Only this patient\'s sessions.'
complete -c tdn -n '__tdn_at tdn/list' -l clinician -x -d 'Only this clinician\'s sessions.'
complete -c tdn -n '__tdn_at tdn/list' -l since -x -d 'Started on or after this day (YYYY-MM-DD, today, yesterday, -7d, -2w; local) or ISO-8601 time.'
complete -c tdn -n '__tdn_at tdn/list' -l until -x -d 'Started before this day (YYYY-MM-DD, today, tomorrow, -7d; local) or ISO-8601 time.'
complete -c tdn -n '__tdn_at tdn/list' -l status -x -a '\'completed\' \'aborted\' \'not-done\' \'recovered\' \'resumed\'' -d 'completed, aborted, not-done, recovered, resumed.'
complete -c tdn -n '__tdn_at tdn/list' -l limit -x -d 'At most N sessions (default 50 in the table; all with --json).'
complete -c tdn -n '__tdn_at tdn/list' -l all -d 'Every matching session.'
complete -c tdn -n '__tdn_at tdn/list' -l json -d 'Print JSON for scripts instead of text (what it holds is described above).'
complete -c tdn -n '__tdn_at tdn/list' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn/list' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/list' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/list' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn/show' -l json -d 'Print JSON for scripts instead of text (what it holds is described above).'
complete -c tdn -n '__tdn_at tdn/show' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn/show' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/show' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/show' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn/export' -l format -x -a '\'ndjson\' \'csv\' \'fhir\'' -d 'ndjson, csv, fhir.'
complete -c tdn -n '__tdn_at tdn/export' -l patient -x -d 'Only this patient\'s sessions.'
complete -c tdn -n '__tdn_at tdn/export' -l clinician -x -d 'Only this clinician\'s sessions.'
complete -c tdn -n '__tdn_at tdn/export' -l since -x -d 'Started on or after this day (YYYY-MM-DD, today, yesterday, -7d, -2w; local) or ISO-8601 time.'
complete -c tdn -n '__tdn_at tdn/export' -l until -x -d 'Started before this day (YYYY-MM-DD, today, tomorrow, -7d; local) or ISO-8601 time.'
complete -c tdn -n '__tdn_at tdn/export' -l status -x -a '\'completed\' \'aborted\' \'not-done\' \'recovered\' \'resumed\'' -d 'completed, aborted, not-done, recovered, resumed.'
complete -c tdn -n '__tdn_at tdn/export' -l include-training -d 'Also export training records (scaled clock).'
complete -c tdn -n '__tdn_at tdn/export' -l patient-system -x -d 'FHIR: the namespace of the patient ids (the clinic\'s MRN system), such as urn:oid:2.16.840.1.113883.19.5; default: fhir.patientSystem in config.json.'
complete -c tdn -n '__tdn_at tdn/export' -l clinician-system -x -d 'FHIR: the namespace of the clinician ids, such as http://hl7.org/fhir/sid/us-npi; default: fhir.clinicianSystem in config.json.'
complete -c tdn -n '__tdn_at tdn/export' -s o -l output -r -F -d 'Write to FILE instead of standard output.'
complete -c tdn -n '__tdn_at tdn/export' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn/export' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/export' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/export' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn/report' -l patient -x -d 'Only this patient\'s sessions.'
complete -c tdn -n '__tdn_at tdn/report' -l clinician -x -d 'Only this clinician\'s sessions.'
complete -c tdn -n '__tdn_at tdn/report' -l since -x -d 'Started on or after this day (YYYY-MM-DD, today, yesterday, -7d, -2w; local) or ISO-8601 time.'
complete -c tdn -n '__tdn_at tdn/report' -l until -x -d 'Started before this day (YYYY-MM-DD, today, tomorrow, -7d; local) or ISO-8601 time.'
complete -c tdn -n '__tdn_at tdn/report' -l status -x -a '\'completed\' \'aborted\' \'not-done\' \'recovered\' \'resumed\'' -d 'completed, aborted, not-done, recovered, resumed.'
complete -c tdn -n '__tdn_at tdn/report' -l include-training -d 'Also count training records (scaled clock).'
complete -c tdn -n '__tdn_at tdn/report' -l json -d 'Print JSON for scripts instead of text (what it holds is described above).'
complete -c tdn -n '__tdn_at tdn/report' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn/report' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/report' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/report' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn/report' -x -a '\'adherence\' \'billing\' \'adverse-events\' \'progress\''
complete -c tdn -n '__tdn_at tdn/protocol' -a 'list' -d 'List the protocols known by name: the built-in ones and the clinic\'s own'
complete -c tdn -n '__tdn_at tdn/protocol' -a 'show' -d 'Show a protocol as the clinician meets it: windows, needle, screening checklist, site prep, each step\'s instruction and the aftercare advice'
complete -c tdn -n '__tdn_at tdn/protocol' -a 'validate' -d 'Check protocol files against the protocol schema and its rules, before a clinic uses them'
complete -c tdn -n '__tdn_at tdn/protocol' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn/protocol' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/protocol' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/protocol' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn/protocol/list' -l names -d 'Print only the names, one a line, for scripts and shell completion.'
complete -c tdn -n '__tdn_at tdn/protocol/list' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn/protocol/list' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/protocol/list' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/protocol/list' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn/protocol/show' -l json -d 'Print JSON for scripts instead of text (what it holds is described above).'
complete -c tdn -n '__tdn_at tdn/protocol/show' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn/protocol/show' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/protocol/show' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/protocol/show' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn/protocol/show' -x -a '(__tdn_protocols)'
complete -c tdn -n '__tdn_at tdn/protocol/validate' -s q -l quiet -d 'Do not print the summary line.'
complete -c tdn -n '__tdn_at tdn/protocol/validate' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn/protocol/validate' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/protocol/validate' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/protocol/validate' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn/protocol/validate' -F
complete -c tdn -n '__tdn_at tdn/completion' -s h -l help -d 'Show this help message and exit.'
complete -c tdn -n '__tdn_at tdn/completion' -s V -l version -d 'Print version information and exit.'
complete -c tdn -n '__tdn_at tdn/completion' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/completion' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
complete -c tdn -n '__tdn_at tdn/completion' -x -a '\'bash\' \'zsh\' \'fish\''
complete -c tdn -n '__tdn_at tdn/help' -s h -l help -d 'Show usage help for the help command and exit.'
complete -c tdn -n '__tdn_at tdn/help' -l no-color -d 'No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.'
complete -c tdn -n '__tdn_at tdn/help' -l store -x -d 'The clinic store, jdbc:sqlite:PATH (default: TDN_STORE, else tdn.db in the data folder).'
