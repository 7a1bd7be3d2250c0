/**
 * What the synthetic mirror is made of: the platform's real stage, grade, subject, edition and volume tags
 * (ids from the 2025 tag tree) and the editions of each subject. Data only; lesson titles are in
 * `mirror-lesson-titles.ts`.
 */
export interface TagDef {
  id: string;
  name: string;
}
export interface GradeDef extends TagDef {
  /** The grade as a number, 1–9: which grade's textbook contents it studies. */
  level: number;
}
export interface StageDef extends TagDef {
  grades: GradeDef[];
  subjects: string[];
}

const grade = (id: string, name: string, level: number): GradeDef => ({ id, name, level });
const G = {
  g1: grade('e7bbd296-0590-11ed-9c79-92fc3b3249d5', '一年级', 1),
  g2: grade('e7bbd304-0590-11ed-9c79-92fc3b3249d5', '二年级', 2),
  g3: grade('e7bbd372-0590-11ed-9c79-92fc3b3249d5', '三年级', 3),
  g4: grade('e7bbd3ea-0590-11ed-9c79-92fc3b3249d5', '四年级', 4),
  g5: grade('e7bbebc8-0590-11ed-9c79-92fc3b3249d5', '五年级', 5),
  g6: grade('e7bbecae-0590-11ed-9c79-92fc3b3249d5', '六年级', 6),
  g7: grade('44bebf7c-54e6-11ed-9c34-850ba61fa9f4', '七年级', 7),
  g8: grade('44bec67a-54e6-11ed-9c34-850ba61fa9f4', '八年级', 8),
  g9: grade('44bec0c6-54e6-11ed-9c34-850ba61fa9f4', '九年级', 9),
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

/** In pairs, as a small mirror takes them grade by grade (英语 starts in 三年级). */
const PRIMARY = ['语文', '数学', '道德与法治', '艺术·音乐', '英语', '科学'];
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

const edition = (id: string, name: string): TagDef => ({ id, name });
const E = {
  tongbian: edition('44bee8bc-54e6-11ed-9c34-850ba61fa9f4', '统编版'),
  renjiao: edition('ff8080814371757b01437c363a187b0a', '人教版'),
  renjiaoA: edition('5036342963', '人教A版'),
  pep: edition('44becd82-54e6-11ed-9c34-850ba61fa9f4', '人教版（PEP）（主编：吴欣）'),
  bsd: edition('e7bbd21e-0590-11ed-9c79-92fc3b3249d5', '北师大版'),
  sujiao: edition('3628801954e758f0015509b2a8660c83', '苏教版'),
  huadong: edition('362880194a9ec684014a9f1d2af50073', '华东师大版'),
  waiyan: edition('44bedbe2-54e6-11ed-9c34-850ba61fa9f4', '外研社版'),
  waiyanChenLin: edition('44bedcfa-54e6-11ed-9c34-850ba61fa9f4', '外研社版（主编：陈琳）'),
  yilin: edition('44beead8-54e6-11ed-9c34-850ba61fa9f4', '译林版'),
  jiaoke: edition('36288019491df525014935b7c67e15e2', '教科版'),
  qingdao: edition('8ae7e58c5cab1e02015cafac360702c4', '青岛版'),
  renyin: edition('5036344078', '人音版（主编：吴斌）'),
  sushao: edition('3628801954e758f0015509afdb500c7f', '苏少版'),
  hukeji: edition('44bee222-54e6-11ed-9c34-850ba61fa9f4', '沪科技版'),
  suke: edition('362880034bfbfa20014c0b98acd70152', '苏科版'),
  luke: edition('362880194964b314014964bf4ae60085', '鲁科版'),
  hujiao: edition('362880194a9ec684014a9f0dfa190056', '沪教版'),
  zheke: edition('502036371558', '浙科版'),
  xiangjiao: edition('362880034937650a0149410b4ca626f9', '湘教版'),
  shangwu: edition('44bedb2e-54e6-11ed-9c34-850ba61fa9f4', '商务星球版'),
  zhongtu: edition('362880184987c4ac014988df9bf303c1', '中图版'),
};

/**
 * The editions that publish each subject, per band (as the platform's textbook lists have them): 语文, 道德与法治
 * and 历史 are 统编版 everywhere; other subjects have several publishers.
 */
export const EDITIONS_BY_SUBJECT: Record<
  string,
  { primary?: TagDef[]; junior?: TagDef[]; senior?: TagDef[] }
> = {
  语文: { primary: [E.tongbian], junior: [E.tongbian], senior: [E.tongbian] },
  数学: {
    primary: [E.renjiao, E.bsd, E.sujiao],
    junior: [E.renjiao, E.bsd, E.huadong],
    senior: [E.renjiaoA, E.bsd, E.sujiao],
  },
  英语: {
    primary: [E.pep, E.waiyanChenLin, E.yilin],
    junior: [E.renjiao, E.waiyan, E.yilin],
    senior: [E.renjiao, E.waiyan, E.bsd],
  },
  道德与法治: { primary: [E.tongbian], junior: [E.tongbian] },
  思想政治: { senior: [E.tongbian] },
  科学: { primary: [E.jiaoke, E.sujiao, E.qingdao] },
  '艺术·音乐': { primary: [E.renyin, E.renjiao, E.sushao] },
  物理: { junior: [E.renjiao, E.hukeji, E.suke], senior: [E.renjiao, E.luke, E.jiaoke] },
  化学: { junior: [E.renjiao, E.hujiao], senior: [E.renjiao, E.luke, E.sujiao] },
  生物学: { junior: [E.renjiao, E.bsd, E.sujiao], senior: [E.renjiao, E.bsd, E.zheke] },
  历史: { junior: [E.tongbian], senior: [E.tongbian] },
  地理: { junior: [E.renjiao, E.xiangjiao, E.shangwu], senior: [E.renjiao, E.xiangjiao, E.zhongtu] },
};

export const VOLUMES: TagDef[] = [
  { id: 'ff8080814371757b014390f883db0453', name: '上册' },
  { id: 'ff8080814371757b014390fcdce504bd', name: '下册' },
];
export const NEW_OLD: TagDef[] = [
  { id: '5136342961', name: '新教材' },
  { id: '5136342960', name: '旧教材' },
];

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
