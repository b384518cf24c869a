# bash completion for mixless and its tools (mixless, phx-gen, phx-digest,
# ecto-migrate, phx-routes). Installed once per command name under
# share/bash-completion/completions, so bash-completion loads it on demand.
#
# Everything is asked of the tools themselves, so it is never out of date:
#   mixless TASK       the names of `mixless help --names` (with the
#                      project's aliases and tasks) and mixless's own commands
#   <tool> COMMAND     the commands of `<tool> --list-commands`
#   -SWITCH            the switches of the command's --help
#   --to VERSION       the versions of the project's migrations
#   -C DIR and paths   directories

# The switches a command's --help lists.
_mixless_switches()
{
	"$@" --help 2>/dev/null | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-zA-Z0-9-]*' |
		sed 's/^[ ,]*//' | sort -u
}

# The migration versions of the project above the cwd (or -C DIR).
_mixless_versions()
{
	local dir=${1:-$PWD} f
	while [ "$dir" != / ] && [ ! -e "$dir/mix.exs" ]; do
		dir=$(dirname "$dir")
	done
	for f in "$dir"/priv/*/migrations/[0-9]*_*.exs; do
		[ -e "$f" ] || continue
		f=${f##*/}
		echo "${f%%_*}"
	done
}

_mixless_complete()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local prog=${COMP_WORDS[0]} i dir="" cmd=""
	COMPREPLY=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-C | --directory) dir=${COMP_WORDS[i + 1]} ;;
		-*) ;;
		*) [ -z "$cmd" ] && [ "${COMP_WORDS[i - 1]}" != -C ] && cmd=${COMP_WORDS[i]} ;;
		esac
	done
	case $prev in
	--to | --to-exclusive)
		COMPREPLY=($(compgen -W "$(_mixless_versions "$dir")" -- "$cur"))
		return
		;;
	-C | --directory | --migrations-path | -o | --output | --path)
		COMPREPLY=($(compgen -d -- "$cur"))
		return
		;;
	esac
	if [[ $cur == -* ]]; then
		local words
		if [ -n "$cmd" ]; then
			words=$(_mixless_switches "$prog" "$cmd")
		else
			words=$(_mixless_switches "$prog")
		fi
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		return
	fi
	if [ -z "$cmd" ]; then
		local words
		if [ "${prog##*/}" = mixless ]; then
			words="help debug $("$prog" help --names 2>/dev/null)"
		else
			words=$("$prog" --list-commands 2>/dev/null | cut -f2)
		fi
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		# a default command takes a path (phx-digest [INPUT])
		[ ${#COMPREPLY[@]} -eq 0 ] && COMPREPLY=($(compgen -f -- "$cur"))
		return
	fi
	if [ "${prog##*/}" = mixless ] && [ "$cmd" = help ]; then
		COMPREPLY=($(compgen -W "$("$prog" help --names 2>/dev/null)" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}

complete -F _mixless_complete mixless phx-gen phx-digest ecto-migrate phx-routes
