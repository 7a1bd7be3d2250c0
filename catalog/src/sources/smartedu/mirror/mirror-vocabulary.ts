/**
 * What the synthetic mirror is made of: the platform's real stage, grade, subject, edition and volume tags
 * (ids from the 2025 tag tree) and Chinese lesson titles per subject. Data only.
 */
export interface TagDef {
  id: string;
  name: string;
}
export interface StageDef extends TagDef {
  grades: TagDef[];
  subjects: string[];
}

const grade = (id: string, name: string): TagDef => ({ id, name });
const G = {
  g1: grade('e7bbd296-0590-11ed-9c79-92fc3b3249d5', '一年级'),
  g2: grade('e7bbd304-0590-11ed-9c79-92fc3b3249d5', '二年级'),
  g3: grade('e7bbd372-0590-11ed-9c79-92fc3b3249d5', '三年级'),
  g4: grade('e7bbd3ea-0590-11ed-9c79-92fc3b3249d5', '四年级'),
  g5: grade('e7bbebc8-0590-11ed-9c79-92fc3b3249d5', '五年级'),
  g6: grade('e7bbecae-0590-11ed-9c79-92fc3b3249d5', '六年级'),
  g7: grade('44bebf7c-54e6-11ed-9c34-850ba61fa9f4', '七年级'),
  g8: grade('44bec67a-54e6-11ed-9c34-850ba61fa9f4', '八年级'),
  g9: grade('44bec0c6-54e6-11ed-9c34-850ba61fa9f4', '九年级'),
};

export const SUBJECTS: Record<string, TagDef> = {
  语文: { id: '6a749654-0772-11ed-ac74-092ab92074e6', name: '语文' },
  数学: { id: 'e7bbcf80-0590-11ed-9c79-92fc3b3249d5', name: '数学' },
  英语: { id: '6a7495dc-0772-11ed-ac74-092ab92074e6', name: '英语' },
  道德与法治: { id: '6a74973a-0772-11ed-ac74-092ab92074e6', name: '道德与法治' },
  科学: { id: '6a749230-0772-11ed-ac74-092ab92074e6', name: '科学' },
  物理: { id: 'e7bbcfee-0590-11ed-9c79-92fc3b3249d5', name: '物理' },
  化学: { id: 'e7bbd05c-0590-11ed-9c79-92fc3b3249d5', name: '化学' },
  生物学: { id: '44bebcde-54e6-11ed-9c34-850ba61fa9f4', name: '生物学' },
  历史: { id: '6a7481aa-0772-11ed-ac74-092ab92074e6', name: '历史' },
  地理: { id: '6a748448-0772-11ed-ac74-092ab92074e6', name: '地理' },
  思想政治: { id: '6a748f2e-0772-11ed-ac74-092ab92074e6', name: '思想政治' },
  '艺术·音乐': { id: '6a7497b2-0772-11ed-ac74-092ab92074e6', name: '艺术·音乐' },
};

const PRIMARY = ['语文', '数学', '英语', '道德与法治', '科学', '艺术·音乐'];
const JUNIOR = ['语文', '数学', '英语', '道德与法治', '物理', '化学', '生物学', '历史', '地理'];
const SENIOR = ['语文', '数学', '英语', '思想政治', '物理', '化学', '生物学', '历史', '地理'];

export const STAGES: StageDef[] = [
  {
    id: 'e7bbb2de-0590-11ed-9c79-92fc3b3249d5',
    name: '小学',
    grades: [G.g1, G.g2, G.g3, G.g4, G.g5, G.g6],
    subjects: PRIMARY,
  },
  { id: 'e7bbce2c-0590-11ed-9c79-92fc3b3249d5', name: '初中', grades: [G.g7, G.g8, G.g9], subjects: JUNIOR },
  {
    id: '44beb9aa-54e6-11ed-9c34-850ba61fa9f4',
    name: '小学（五•四学制）',
    grades: [G.g1, G.g2, G.g3, G.g4, G.g5],
    subjects: PRIMARY,
  },
  {
    id: '44beb932-54e6-11ed-9c34-850ba61fa9f4',
    name: '初中（五•四学制）',
    grades: [G.g6, G.g7, G.g8, G.g9],
    subjects: JUNIOR,
  },
  { id: 'e7bbcefe-0590-11ed-9c79-92fc3b3249d5', name: '高中', grades: [], subjects: SENIOR },
];

export const EDITIONS: TagDef[] = [
  { id: '44bee8bc-54e6-11ed-9c34-850ba61fa9f4', name: '统编版' },
  { id: 'ff8080814371757b01437c363a187b0a', name: '人教版' },
  { id: 'e7bbd21e-0590-11ed-9c79-92fc3b3249d5', name: '北师大版' },
  { id: '3628801954e758f0015509b2a8660c83', name: '苏教版' },
  { id: '44bedbe2-54e6-11ed-9c34-850ba61fa9f4', name: '外研社版' },
];

export const VOLUMES: TagDef[] = [
  { id: 'ff8080814371757b014390f883db0453', name: '上册' },
  { id: 'ff8080814371757b014390fcdce504bd', name: '下册' },
];
export const SENIOR_VOLUMES: TagDef[] = [
  { id: '5036342972', name: '必修 第一册' },
  { id: '5036342973', name: '必修 第二册' },
  { id: '5036342974', name: '选择性必修 第一册' },
];
export const NEW_OLD: TagDef[] = [
  { id: '5136342961', name: '新教材' },
  { id: '5136342960', name: '旧教材' },
];

export const LESSON_TITLES: Record<string, string[]> = {
  语文: [
    '大青树下的小学',
    '花的学校',
    '不懂就要问',
    '古诗三首',
    '秋天的雨',
    '铺满金色巴掌的水泥道',
    '去年的树',
    '那一定会很好',
    '在牛肚子里旅行',
    '一块奶酪',
    '司马光',
    '灰雀',
    '富饶的西沙群岛',
    '海滨小城',
    '美丽的小兴安岭',
    '读不完的大书',
    '春夜喜雨',
    '荷叶圆圆',
    '找春天',
    '草船借箭',
  ],
  数学: [
    '时、分、秒',
    '万以内的加法和减法',
    '测量',
    '倍的认识',
    '多位数乘一位数',
    '长方形和正方形',
    '分数的初步认识',
    '认识图形',
    '圆的周长',
    '圆的面积',
    '比和比例',
    '一元一次方程',
    '有理数的加法',
    '相交线与平行线',
    '勾股定理',
    '二次函数',
    '三角形的内角和',
    '集合的概念',
    '函数的单调性',
    '等差数列',
  ],
  英语: [
    'Hello!',
    'Colours',
    'Look at me',
    'We love animals',
    "Let's eat!",
    'My family',
    'My school',
    'Where is my car?',
    'At the zoo',
    'Weather',
    'My friends',
    'Welcome back to school',
    'Reading club',
    'Healthy food',
    'Travel plans',
  ],
  道德与法治: [
    '开开心心上学去',
    '我们的班级',
    '家是最温暖的地方',
    '我们是班级的主人',
    '让生活多一些绿色',
    '认识自己',
    '友谊的天空',
    '走近老师',
    '生命可以永恒吗',
    '遵守社会规则',
  ],
  科学: [
    '植物的一生',
    '水的三态变化',
    '声音的产生',
    '磁铁的磁性',
    '太阳、地球和月球',
    '我们周围的空气',
    '种子发芽实验',
    '简单电路',
  ],
  物理: [
    '机械运动',
    '声现象',
    '光的反射',
    '透镜及其应用',
    '质量与密度',
    '力',
    '压强',
    '浮力',
    '电流和电路',
    '欧姆定律',
  ],
  化学: ['物质的变化和性质', '空气', '氧气', '水的组成', '质量守恒定律', '金属和金属材料', '溶液', '酸和碱'],
  生物学: [
    '细胞是生命活动的基本单位',
    '植物的光合作用',
    '人体的消化',
    '生物的遗传和变异',
    '生态系统',
    '分子与细胞',
  ],
  历史: ['中国境内早期人类的代表', '秦统一中国', '三国鼎立', '鸦片战争', '辛亥革命', '中华人民共和国成立'],
  地理: ['地球和地球仪', '地图的阅读', '世界的气候', '中国的疆域', '中国的河流', '区域发展'],
  思想政治: [
    '社会主义从空想到科学',
    '只有中国特色社会主义才能发展中国',
    '我国的基本经济制度',
    '坚持党的领导',
  ],
  '艺术·音乐': ['快乐的一天', '大海啊故乡', '春天在哪里', '欢乐颂', '茉莉花', '彼得与狼'],
};

/**
 * Titles of the subjects whose lessons differ most between stages, by stage name prefix (a five-four stage
 * shares its six-three stage's): without them a junior or senior Chinese book read like a grade-1 one.
 */
export const STAGE_LESSON_TITLES: Record<string, Record<string, string[]>> = {
  初中: {
    语文: [
      '春',
      '济南的冬天',
      '雨的四季',
      '古代诗歌四首',
      '秋天的怀念',
      '散步',
      '《世说新语》二则',
      '从百草园到三味书屋',
      '论语十二章',
      '纪念白求恩',
      '皇帝的新装',
      '背影',
      '藤野先生',
      '桃花源记',
    ],
    数学: [
      '有理数',
      '数轴',
      '绝对值',
      '整式的加减',
      '一元一次方程',
      '几何图形初步',
      '相交线与平行线',
      '实数',
      '平面直角坐标系',
      '二元一次方程组',
      '全等三角形',
      '勾股定理',
      '一次函数',
      '二次函数',
    ],
    英语: [
      "My name's Gina.",
      'This is my sister.',
      "Where's my schoolbag?",
      'Do you have a soccer ball?',
      'Can you play the guitar?',
      'How do you get to school?',
      "Don't eat in class.",
      'Why do you like pandas?',
    ],
    道德与法治: [
      '中学时代',
      '少年有梦',
      '学习伴成长',
      '友谊的天空',
      '师长情谊',
      '生命的思考',
      '走进社会生活',
      '勇担社会责任',
    ],
  },
  高中: {
    语文: [
      '沁园春·长沙',
      '百合花',
      '哦，香雪',
      '劝学',
      '师说',
      '赤壁赋',
      '登高',
      '琵琶行并序',
      '荷塘月色',
      '故都的秋',
      '我与地坛',
    ],
    数学: [
      '集合的概念',
      '充分条件与必要条件',
      '一元二次函数、方程和不等式',
      '函数的概念及其表示',
      '幂函数',
      '指数函数',
      '对数函数',
      '三角函数的概念',
      '平面向量',
      '复数',
      '立体几何初步',
    ],
    英语: [
      'Teenage life',
      'Friendship',
      'Travelling around',
      'Natural disasters',
      'Languages around the world',
      'Cultural heritage',
      'Wildlife protection',
      'Festivals and celebrations',
    ],
    物理: [
      '质点 参考系',
      '位置变化快慢的描述——速度',
      '加速度',
      '自由落体运动',
      '重力与弹力',
      '牛顿第一定律',
      '曲线运动',
      '万有引力定律',
    ],
  },
};

export const UNIT_NAMES = [
  '第一单元',
  '第二单元',
  '第三单元',
  '第四单元',
  '第五单元',
  '第六单元',
  '第七单元',
  '第八单元',
];
export const TEACHERS = [
  '王芳',
  '李静',
  '张伟',
  '刘洋',
  '陈晨',
  '杨柳',
  '赵星玥',
  '黄磊',
  '周敏',
  '吴婷',
  '徐明',
  '孙悦',
];
export const TEACHER_INTROS = ['高级教师', '正高级教师', '北京市区级优秀教师', '省级学科带头人', '一级教师'];
export const PROVIDERS: TagDef[] = [
  { id: '2511c3fd-22ca-42e2-80d0-b41645115be6', name: '教育部资源中心' },
  { id: '2335fb45-787e-4c53-b021-0217320b49be', name: '人民教育出版社' },
  { id: 'cddd3690-2f7b-48cd-b48c-effd66e479e5', name: '中华诗词学会诗教委员会' },
  { id: '7b8c1a52-1f0e-4e7a-9a51-3a4f6d2c9e11', name: '北京市海淀区教师进修学校' },
];
export const SINGING_TITLES = [
  '静夜思',
  '春晓',
  '咏柳',
  '浪淘沙（其七）',
  '望庐山瀑布',
  '游子吟',
  '登鹳雀楼',
  '清明',
];

export const SECTION_ITEMS: Record<string, { category?: TagDef; titles: string[] }[]> = {
  schoolService: [
    {
      category: { id: 'jdyd', name: '经典阅读' },
      titles: ['《西游记》导读', '《城南旧事》导读', '《草房子》共读', '唐诗里的四季'],
    },
    {
      category: { id: 'kpjy', name: '科普教育' },
      titles: ['走进航天', '身边的物理', '恐龙的秘密', '天气是怎样形成的'],
    },
    {
      category: { id: 'whys', name: '文化艺术' },
      titles: ['认识京剧脸谱', '剪纸入门', '中国书法之美', '民族乐器'],
    },
    {
      category: { id: 'ysjy', name: '影视教育' },
      titles: ['电影里的友情', '动画是怎样做出来的', '纪录片欣赏'],
    },
  ],
  family: [
    {
      titles: ['如何陪伴孩子阅读', '培养孩子的好习惯', '亲子沟通的技巧', '科学安排作息时间', '家庭劳动教育'],
    },
  ],
  sedu: [{ titles: ['红色故事会', '我的中国梦', '学习英雄人物', '文明礼仪伴我行'] }],
};
