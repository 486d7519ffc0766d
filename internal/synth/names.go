package synth

import "strings"

// namePool is a set of first names and surnames common in one heritage.
// Names are drawn independently, so a generated child's full name is a
// combination made up here, not a person's.
type namePool struct {
	boys, girls, surnames []string
}

func pool(boys, girls, surnames string) namePool {
	return namePool{strings.Fields(boys), strings.Fields(girls), strings.Fields(surnames)}
}

// pools are the heritages names are drawn from.
var pools = map[string]namePool{
	"english": pool(
		"Oliver George Harry Jack Noah Charlie Jacob Alfie Freddie Oscar Leo Archie Joshua Thomas James William "+
			"Henry Lucas Ethan Mason Logan Riley Tyler Callum Kyle Liam Connor Jayden Ryan Lewis Dylan Reece",
		"Olivia Amelia Isla Ava Emily Sophie Grace Mia Poppy Ella Lily Evie Isabella Chloe Jessica Ruby Freya "+
			"Holly Ellie Millie Daisy Lacey Kayla Courtney Paige Megan Leah Abbie Caitlin Jade Summer",
		"Smith Jones Taylor Brown Wilson Robson Thompson Walker Wright Hall Wood Harrison Clarke Jackson Hughes "+
			"Turner Hill Moore Bell Dixon Atkinson Ward Fletcher Dodds Pearson Graham Charlton Milburn Stoker Armstrong "+
			"Heslop Lowes Nicholson Tindall Hedley Pattinson Shotton Kirkup Forster Bainbridge"),
	"irish": pool(
		"Sean Patrick Cian Oisin Conor Darragh Niall Eoin Tadhg Ronan Fionn Cathal Declan Padraig Michael",
		"Aoife Niamh Siobhan Ciara Roisin Orla Caoimhe Saoirse Aisling Clodagh Bridget Mary Nora Eileen Sinead",
		"Murphy Kelly OBrien Byrne Ryan Walsh Doyle McCarthy Gallagher Doherty Kennedy Lynch Quinn Brennan "+
			"Connors Ward McDonagh Maughan Joyce Flynn"),
	"european": pool(
		"Jakub Kacper Filip Szymon Mateusz Andrei Alexandru Luca Matas Lukas Dominik Patryk Tomasz Adrian Denis",
		"Zuzanna Julia Maja Zofia Lena Ioana Maria Elena Gabija Emilija Natalia Wiktoria Oliwia Daria Alina",
		"Nowak Kowalski Wisniewski Wojcik Kaminski Lewandowski Popescu Ionescu Stan Dumitru Kazlauskas "+
			"Petrauskas Horvath Balogh Novak Dvorak Marin Lakatos Kolar Sarkozi"),
	"caribbean": pool(
		"Tyrone Marcus Jermaine Andre Dwayne Jaden Malachi Kai Isaiah Elijah Jordan Nathaniel Reuben Kofi Tariq",
		"Shanice Jada Aaliyah Keisha Tiana Imani Nia Jasmine Kiara Amara Renee Shania Naomi Danielle Maya",
		"Campbell Williams Francis Clarke Grant Richards Samuels Reid Gordon Morgan Edwards Henry Thomas Lewis "+
			"Bailey Forbes Spencer Beckford Blake Stewart"),
	"african": pool(
		"Chidi Emeka Tobi Femi Kwame Kofi Yaw Abdi Mohamed Ahmed Samuel David Joshua Daniel Tendai Chukwuemeka",
		"Chioma Adaeze Tolu Funmi Ama Abena Ayan Hodan Fadumo Esther Blessing Grace Precious Zainab Amina",
		"Okafor Adeyemi Okonkwo Balogun Eze Mensah Boateng Asante Owusu Osei Ali Hassan Omar Warsame Farah "+
			"Mohamud Nwosu Adebayo Chikwanha Moyo"),
	"indian": pool(
		"Arjun Rohan Aarav Dev Vivaan Krish Harjit Gurpreet Manpreet Arun Rahul Nikhil Sanjay Jasveer Ishaan",
		"Priya Ananya Diya Simran Harpreet Navneet Kavya Riya Anjali Pooja Meera Jasleen Sana Nisha Amrit",
		"Patel Sharma Singh Kaur Gill Sandhu Mistry Shah Kumar Chauhan Joshi Parmar Dhillon Bains Sidhu"),
	"pakistani": pool(
		"Muhammad Ali Hassan Ibrahim Zain Ayaan Bilal Hamza Usman Rehan Adam Yusuf Imran Zakariya Faisal",
		"Aisha Maryam Fatima Zara Hafsa Khadija Noor Amna Iqra Sana Hania Alisha Mahnoor Anaya Inaya",
		"Khan Hussain Ahmed Akhtar Iqbal Mahmood Rashid Aslam Butt Malik Raja Shah Chaudhry Javed Qureshi"),
	"bangladeshi": pool(
		"Abdul Rahim Saif Tanvir Shahid Arif Jamal Rafiq Nabil Ayaan Rayhan Mahir Sami Imran Habib",
		"Nusrat Tahmina Sadia Farzana Rumana Shirin Nadia Tasnim Anika Ruksana Jannat Sumaiya Afsana Lubna Safa",
		"Miah Begum Uddin Rahman Islam Hoque Ali Chowdhury Ahmed Khatun Sarkar Haque Alam Karim Hossain"),
	"chinese": pool(
		"Wei Jun Hao Ming Jian Chen Kai Tian Yi Bo Zhi Long Rui Hong Tao",
		"Mei Ling Xin Hui Yan Jing Li Na Fang Qing Yu Xiu Lan Ying Hua",
		"Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu"),
	"middle_eastern": pool(
		"Omar Karim Hassan Yousef Ahmad Kawa Dilan Rebin Amir Reza Dara Sami Tariq Nabil Rami",
		"Layla Noor Yasmin Rania Hana Dilvin Shilan Roza Nazanin Parisa Leila Mina Dana Sara Zeynep",
		"Haddad Mansour Khalil Rahimi Hosseini Karimi Mohammadi Barzani Salih Aziz Hamid Nasser Yilmaz Demir Kaya"),
}

// heritage is where a child's names come from, by ethnicity code: the
// pool of the first name and the pool of the surname (mixed heritage
// draws each from either parent's).
var heritage = map[string][2][]string{
	"WBRI": {{"english"}, {"english"}}, "WIRI": {{"irish", "english"}, {"irish"}},
	"WIRT": {{"irish"}, {"irish"}}, "WOTH": {{"european"}, {"european"}}, "WROM": {{"european"}, {"european"}},
	"MWBC": {{"english", "caribbean"}, {"english", "caribbean"}}, "MWBA": {{"english", "african"}, {"english", "african"}},
	"MWAS": {{"english", "indian", "pakistani"}, {"english", "pakistani"}},
	"MOTH": {{"english", "middle_eastern", "chinese"}, {"english", "middle_eastern"}},
	"AIND": {{"indian"}, {"indian"}}, "APKN": {{"pakistani"}, {"pakistani"}}, "ABAN": {{"bangladeshi"}, {"bangladeshi"}},
	"AOTH": {{"indian", "pakistani"}, {"indian", "pakistani"}}, "BCRB": {{"caribbean"}, {"caribbean"}},
	"BAFR": {{"african"}, {"african"}}, "BOTH": {{"caribbean", "african"}, {"caribbean", "african"}},
	"CHNE": {{"chinese"}, {"chinese"}}, "OOTH": {{"middle_eastern"}, {"middle_eastern"}},
	"REFU": {{"english"}, {"english"}}, "NOBT": {{"english", "european"}, {"english", "european"}},
}

// ethnicCodes splits each ethnic group into its census codes. An
// assumption: the census publishes groups nationally, not codes.
var ethnicCodes = map[string]Weights{
	"white":   {{"WBRI", 0.84}, {"WIRI", 0.01}, {"WIRT", 0.01}, {"WOTH", 0.12}, {"WROM", 0.02}},
	"mixed":   {{"MWBC", 0.3}, {"MWBA", 0.15}, {"MWAS", 0.22}, {"MOTH", 0.33}},
	"asian":   {{"AIND", 0.22}, {"APKN", 0.38}, {"ABAN", 0.18}, {"AOTH", 0.22}},
	"black":   {{"BCRB", 0.22}, {"BAFR", 0.6}, {"BOTH", 0.18}},
	"other":   {{"CHNE", 0.12}, {"OOTH", 0.88}},
	"unknown": {{"NOBT", 0.75}, {"REFU", 0.25}},
}

// firstName draws a first name for a child of this ethnicity and sex.
func (r rng) firstName(ethnicity, sex string) string {
	p := pools[one(r, heritage[ethnicity][0])]
	if sex == "F" || (sex == "U" && r.chance(0.5)) {
		return one(r, p.girls)
	}
	return one(r, p.boys)
}

// surname draws a family name for this ethnicity.
func (r rng) surname(ethnicity string) string {
	return one(r, pools[one(r, heritage[ethnicity][1])].surnames)
}

// adultName draws a whole name for an adult of any heritage (staff and
// parents), weighted towards the authority's mix.
func (r rng) adultName(ethnicity string, female bool) (first, last string) {
	sex := "M"
	if female {
		sex = "F"
	}
	return r.firstName(ethnicity, sex), r.surname(ethnicity)
}
