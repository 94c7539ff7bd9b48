package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
)

// TestTextDumpLanguages: a short text dump (headline, credit, date, three
// paragraphs) in each script and language yields its byline, its date and
// its language.
func TestTextDumpLanguages(t *testing.T) {
	tests := []struct {
		lang, title, credit, date string
		paras                     [3]string
		author                    string
	}{
		{"zh", "城市新建图书馆正式开放", "记者 王小明", "2025年7月2日",
			[3]string{"市中心新建的公共图书馆于本周一正式向市民开放，首日接待读者超过三千人次。",
				"据介绍，新馆总建筑面积约两万平方米，藏书八十余万册，设有儿童阅读区和自习区。",
				"不少市民表示，新馆环境舒适、交通便利，希望今后能举办更多讲座和展览活动。"}, "王小明"},
		{"ja", "市の新しい図書館が開館", "記者 山田花子", "2025年7月2日",
			[3]string{"市中心部に建設された公立図書館が月曜日に開館し、初日は三千人を超える人が訪れた。",
				"新館は延べ床面積約二万平方メートルで、八十万冊の本を所蔵し、子ども向けの読書室を備える。",
				"利用者からは、静かで交通の便も良く、講演会をもっと開いてほしいという声が聞かれた。"}, "山田花子"},
		{"ko", "시립 도서관 새로 문 열어", "작성자: 김민수", "2025년 7월 2일",
			[3]string{"시내 중심에 새로 지은 공공 도서관이 월요일에 문을 열었고 첫날 삼천 명이 넘는 시민이 찾았다.",
				"새 도서관은 연면적 약 이만 제곱미터에 팔십만 권의 책을 갖추고 어린이 열람실과 자습실을 두었다.",
				"이용자들은 조용하고 교통이 편리하다며 강연과 전시를 더 자주 열어 달라고 말했다."}, "김민수"},
		{"ru", "В центре города открылась новая библиотека", "Автор: Иван Петров", "2 июля 2025",
			[3]string{"Новая городская библиотека открылась в понедельник, и в первый день её посетили более трёх тысяч человек.",
				"Здание площадью двадцать тысяч квадратных метров хранит восемьсот тысяч книг и имеет детский зал.",
				"Посетители говорят, что здание удобное и до него легко добраться, и просят проводить больше лекций."}, "Иван Петров"},
		{"ar", "افتتاح مكتبة جديدة في وسط المدينة", "بقلم أحمد علي", "2 يوليو 2025",
			[3]string{"افتتحت المكتبة العامة الجديدة في وسط المدينة يوم الاثنين وزارها أكثر من ثلاثة آلاف شخص في اليوم الأول.",
				"تبلغ مساحة المبنى الجديد نحو عشرين ألف متر مربع ويضم ثمانمائة ألف كتاب وقاعة للأطفال.",
				"قال الزوار إن المبنى مريح وسهل الوصول إليه وطلبوا تنظيم المزيد من المحاضرات والمعارض."}, "أحمد علي"},
		{"hu", "Megnyílt a város új könyvtára", "Szerző: Kovács Anna", "2025. július 2.",
			[3]string{"A belvárosban épült új közkönyvtár hétfőn nyitotta meg kapuit, és az első napon több mint háromezer olvasó kereste fel.",
				"Az új épület húszezer négyzetméteres, nyolcszázezer kötetet őriz, és gyermekolvasóval is rendelkezik.",
				"A látogatók szerint az épület kényelmes és jól megközelíthető, ezért több előadást szeretnének."}, "Kovács Anna"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			dump := tt.title + "\n\n" + tt.credit + "\n\n" + tt.date + "\n\n" + tt.paras[0] + "\n\n" + tt.paras[1] + "\n\n" + tt.paras[2] + "\n"
			d := article.NewDump("", "", "text/plain", []byte(dump), extracttest.ReceivedAt)
			x := Extract(d)
			checkInvariants(t, d, x)
			if x.Err != nil {
				t.Fatalf("Err = %v", x.Err)
			}
			if diff := cmp.Diff([]string{tt.author}, x.Metadata.Authors); diff != "" {
				t.Errorf("authors (-want +got):\n%s", diff)
			}
			if p := x.Metadata.Published; p == nil || p.Day() != "2025-07-02" {
				t.Errorf("Published = %v, want 2025-07-02", p)
			}
			if x.Metadata.Language != tt.lang {
				t.Errorf("Language = %q, want %q", x.Metadata.Language, tt.lang)
			}
			if len(x.Paragraphs) != 3 {
				t.Errorf("Paragraphs = %q, want the three", x.Paragraphs)
			}
		})
	}
}
