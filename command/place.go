package command

import "github.com/spf13/pflag"

// placeHelp explains the one place filter; every command that narrows by
// place takes it the same way and the SQL tests it with one macro (in_place).
const placeHelp = "only catalogs published by this place or inside it: 舟山市普陀区, 普陀区 (every 普陀区 loaded), 舟山市 (the city and its districts), 浙江省, or a GB/T 2260 code"

// addPlaceFlag registers --place and its alias --city on fs, both setting p.
func addPlaceFlag(fs *pflag.FlagSet, p *string) {
	fs.StringVar(p, "place", "", placeHelp)
	fs.StringVar(p, "city", "", "alias of --place")
}
