/*
 * commands.h — the subcommands `gongwen index` and `gongwen search`.
 *
 * main.c hands over when argv[1] names one of them; each takes its own
 * argv (argv[0] is the subcommand's name), prints its own messages and
 * returns the exit status.
 */
#ifndef GW_COMMANDS_H
#define GW_COMMANDS_H

/* Default index file, in the current directory. */
#define GW_DEFAULT_DB "gongwen.db"

int gw_cmd_index(int argc, char **argv);
int gw_cmd_search(int argc, char **argv);

#endif
