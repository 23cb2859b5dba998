package queries

import (
	"reflect"
	"testing"
)

func TestSharedPlaceNames(t *testing.T) {
	names := []named{
		{"北京市", "110000"}, {"北京市", "110100"}, {"普陀区", "310107"}, {"上海市普陀区", "310107"},
		{"普陀区", "330903"}, {"舟山市普陀区", "330903"}, {"合肥市", "340100"},
	}
	for place, want := range map[string]bool{
		"普陀区": true,  // two districts of that name in two cities
		"北京市": false, // a municipality: province and city, one inside the other
		"合肥市": false, // one city
		"浙江省": false, // not a name here at all
	} {
		if got := shared(place, names); got != want {
			t.Errorf("shared(%s) = %v, want %v", place, got, want)
		}
	}
}

func TestNearestNamed(t *testing.T) {
	cands := []named{{"舟山市", "330900"}, {"舟山市普陀区", "330903"}, {"北京市房山区", "110111"}, {"杭州市", "330100"}}
	for v, want := range map[string][]string{
		"舟山":   {"舟山市 330900", "舟山市普陀区 330903"}, // contained in both, not in 房山区 (one shared character of two)
		"杭州":   {"杭州市 330100"},
		"温州市":  nil, // 州 alone is not near
		"3309": {"舟山市 330900", "舟山市普陀区 330903"},
	} {
		if got := nearestNamed(v, cands, 6); !reflect.DeepEqual(got, want) {
			t.Errorf("nearest(%s) = %v, want %v", v, got, want)
		}
	}
}
