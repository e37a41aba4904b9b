"""The line rules of cleaning: named patterns of the furniture of web pages (a tag line, a
view counter, a follow prompt, a breadcrumb, a copyright notice, …), each with the reason the
report gives, the longest line it applies to, and whether a match past the article's start
ends the article. ``match_rule`` tells the first rule a line matches. clean.py applies them;
locate.py and pagecopy.py ask them too.

The operations sentences that use the same words (排行榜, 粉丝团, 抢沙发, 举报电话) must stay:
``tests/ingest/test_clean.py`` holds a list of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import plain
from .metaline import AGO_UNITS


@dataclass(frozen=True)
class Rule:
    name: str
    reason: str
    pattern: re.Pattern
    max_len: int = 10_000  # only lines up to this many characters
    ends_article: bool = False  # a match past the article's start cuts the tail


def _rx(p: str) -> re.Pattern:
    return re.compile(p, re.I)


FOLLOW_REASON = "关注与推广提示"
_POST_BUTTONS = "回复|回覆|引用|支持|反对|举报|点赞|收藏|分享|转发|评分|删除|编辑"  # a post's buttons in a row
# a tag's word with the spaces typesetting puts between Latin and Han (#RFM 模型), no punctuation
_SPACED_TAG = (r"(?:[^#\s，。！？、；：,.!?;:]|(?<=[A-Za-z0-9])\s(?=[\u4e00-\u9fff])"
               r"|(?<=[\u4e00-\u9fff])\s(?=[A-Za-z0-9])){1,20}")
PAPER_REASON = "论文信息（关键词、分类号、作者单位、基金等）"


def _spaced(*words: str) -> str:
    """Alternatives matching each word with spaces between its characters too (关 键 词)."""
    return "|".join(r"\s*".join(map(re.escape, w)) for w in words)


# a forum's layout and floor tools (开启辅助访问, 切换到宽版, 电梯直达)
_FORUM_TOOLS = r"(?:(?:开启|关闭)辅助访问|切换到(?:宽版|窄版)|电梯直达|跳转到指定楼层|返回顶部|返回列表)"
_LABEL_OPEN = r"[\[【（(■●◆▲\s]*"
_LABEL_CLOSE = r"(?:\s*[\]】）)]\s*[:：]?|\s*[|｜/]?\s*[:：])"
_PAPER_LABELS = ("关键词", "关键字", "中图分类号", "中图法分类号", "分类号", "文献标识码", "文献标志码", "文章编号", "基金项目",
                 "收稿日期", "修回日期", "作者单位", "通讯作者", "联系作者", "引用格式", "引用本文")  # (作者简介: clean.py)

RULES: tuple[Rule, ...] = (  # first match wins
    Rule("image_notice", "图片来源声明", _rx(r"图片(?:来|源|出)(?:源|自|于)|图源|如有侵权|^(?:题图|封面图?|头图|配图)(?:来自|来源|[:：]|由)"
                                          # a picture's credit in brackets: （图片：某某官微） （图/某某）; not a caption (（图：答辩 PPT 的目录）)
                                          r"|^[（(]\s*(?:图片\s*[:：/／]|图\s*[/／]|图片?\s*来{1,2}源|图片?\s*由)[^（）()]{1,30}[）)]$"), 60),
    Rule("end_marker", "结束标记", _rx(r"^[\s\-—_=~*·.。（）()【】\[\]]*(?:end|the end|完|全文完|本文完)[\s\-—_=~*·.。（）()【】\[\]]*$"), 20, True),
    Rule("copyright", "版权或免责声明", _rx(
        r"版权(?:所有|声明|归|及免责|申明)|著作权归|未经.{0,12}(?:允许|授权|许可).{0,12}(?:转载|使用|复制|摘编)"
        r"|转载请(?:注明|联系)|转载.{0,6}(?:务|须|需)请?注明|不代表.{0,24}(?:立场|观点)|免责(?:声明|申明)|侵权.{0,12}(?:删除|联系)"
        # a portal's notice on what it reposts and a finance page's risk notice
        r"|不意味着.{0,6}赞同其观点|不构成(?:任何)?(?:投资|买卖|操作)建议|风险自[担负][。.！!]?$|^(?:股市|投资)有风险[，,]\s*(?:投资|入市)需谨慎"
        r"|独立(?:观点|担责)|信息存储空间|仅提供信息存储|^(?:特别|郑重)声明|非经授权|不得转载|all rights reserved|©|copyright"
        r"|[与和]本?(?:网站|站|平台)的?立场无关"
        r"|icp\s*[备证]|公网安备|网安备|互联网新闻信息服务许可证|违法和不良信息举报"
        # a licence the text is under (本站的全部文字在知识共享 署名-相同方式共享 4.0协议之条款下提供;
        # 本作品采用知识共享署名 4.0 国际许可协议进行许可); not 知识共享 said of a team's knowledge
        r"|知识共享\s*(?:署名|[(（]?\s*cc\b|.{0,16}?(?:许可协议|协议之?条款))|creative\s*commons|\bcc\s*by(?:-[a-z]{2})*\s*\d"
        # licence and filing numbers at a page's foot: 增值电信业务经营许可证：京B2-2009…, 京网文〔2019〕…号
        r"|(?:经营|服务|业务|视听节目|出版)许可证\s*[:：]?\s*[\w〔\[（(-]*\d|网文\s*[〔\[【(（]\s*\d{4}|算法备案|备案号\s*[:：]"
        # a repost notice broken over two lines: 本文由 @某某 / 原创发布于某某，未经许可，禁止转载
        r"|^本文由\s*@\s*\S{1,30}\s*$"
        # the forum software's footer: Powered by Discuz!, Processed in 0.05 second(s), 27 queries
        r"|powered\s+by\s+\w|processed\s+in\s+[\d.]+\s*second"
        # who runs a (government) site, in its footer: 主办单位：… 承办单位：… on one line, its
        # identification code, the link to report its errors (an event's notice names each on its own line)
        r"|^主办(?:单位)?\s*[:：].{1,30}?(?:承办|协办|运维|技术支持)(?:单位)?\s*[:：]|网站标识码|政府网站找错"),
        400, True),
    # words a news story uses too: only a short line of them is a notice
    Rule("legal_notice", "版权或免责声明", _rx(r"法律责任|自负.{0,6}责任"), 40, True),
    Rule("platform_rules", "平台规则", _rx(
        r"本公约|自律(?:管理|公约)|依法.{0,4}网|违规(?:处罚|内容)|最终解释权|用户协议|举报(?:中心|电话)(?!\s*[，,。；;、])"  # (a sentence going on after 举报电话 is a story's)
        # a site's warning against fraud (某某网安全提示：用人单位以任何名义收取费用……均属违法行为)
        r"|^\S{0,8}(?:安全|防骗)提示\s*[:：].*(?:违法|举报|诈骗|受骗|收取)"
        # the community's rules as a link or a request (社区规范, 《某某社区公约》, 请遵守社区规范);
        # not a sentence about a community's rules (社区规范原来有二十多条，没人看。)
        r"|^\W{0,2}(?:查看|阅读)?[《「]?\S{0,8}社区(?:规范|公约)[》」]?\W{0,2}$|^请(?:先)?(?:遵守|阅读)\S{0,8}社区(?:规范|公约)"),
        400, True),
    Rule("comments", "评论区", _rx(
        r"^(?:评论列表|留言评论|发表评论|添加评论|写评论|写下你的评论|全部评论|网友评论|热门评论|最新评论|评论区|\d+\s*条评论|取消评论|暂无评论|还没有评论)|快来抢沙发|抢沙发[吧!！]|^抢沙发$"
        r"|你是访客|请填写.{0,8}信息|登录后.{0,6}(?:评论|发表)|^发表回复$"
        # the same box under other names, a label on its own line (讨论区, 网友留言 (12))
        r"|^(?:讨论区|留言区|留言板|网友留言|读者留言|网友讨论|我要留言|发表留言)\s*(?:[(（]\d+[)）])?$"
        # the comment box's house rules (文明上网，理性发言; 评论内容经审核后显示)
        r"|^(?:请)?文明(?:上网|发言|评论)\s*[，,、]\s*理性(?:发言|评论)|^(?:网友|读者|您的|你的)?评论(?:内容)?(?:需|须|将)?(?:经过?|通过)审核后(?:才能|才会|方可)?(?:显示|发布|公开|展示)\W*$"), 60, True),
    # buttons and walls around a post or an answer: 展开阅读全文, 收起, 登录后才能回复, 你对这个回答的评价是？;
    # past the article's start, what follows one is the next item of a feed or the page's furniture
    Rule("post_controls", "展开、登录与评价提示", _rx(
        r"^(?:展开|收起)(?:全部|全文|阅读全文|更多|回答|评论|回复)?$|^(?:显示|查看)全部$"
        r"|^(?:请|需要)?\s*(?:先\s*)?登录\s*(?:后|以)\s*[，,]?\s*(?:你|您)?\s*(?:才能|方可|可以|即可|查看|阅读|回复|精彩|继续)"

        r"|^(?:你|您)?(?:对|觉得)?(?:这个|这篇|该|本)(?:回答|答案|文章|内容).{0,8}(?:评价|有帮助|有用)"
        # where a document's preview ends (试读已结束，剩余33页未读，下载后可查看完整内容)
        r"|^(?:试读|预览|免费阅读|免费预览)(?:已|到此)(?:结束|完毕)|(?:剩余|还剩|剩下)\s*\d+\s*页(?:未读|未显示|未预览)"), 40, True),
    # lines between the answers and posts of a thread, or inside one: the text goes on after them.
    # A help page's feedback question (以上内容是否解决了您的问题？)
    Rule("post_prompts", "回答的赞同数、更多回答与登录提示", _rx(
        # the count of one answer's comments, the other answers following (对最佳答案的评论共 2 条 查看评论)
        r"^(?:对\S{1,8}的)评论共\s*\d[\d,]*\s*条\s*(?:查看(?:全部)?评论)?$|"
        r"^(?:以上|上述)(?:内容|文章|回答|信息|解答).{0,4}(?:解决|帮助|有用)"
        # ... or about the page itself (本文是否对您有帮助？)
        r"|^(?:本文|本篇|这篇文章|本页|此页|该文章?|本内容)(?:内容)?(?:是否)?(?:对(?:您|你))?(?:是否)?(?:有)?(?:帮助|用)[吗？?]*$"
        # a link to the rest of the answers, and who liked an answer (查看全部 19 个回答, 运营研究社 赞同了该回答)
        r"|^(?:登录后?)?(?:查看|显示|展开)(?:全部|更多)?\s*\d[\d,]*\s*(?:个|条)(?:回答|评论|回复)$"
        # ... and the page's invitation to answer (知道答案吗？到我要回答帮其他人解决问题，还能赚点数！)
        r"|^(?:你|您)?知道(?:答案|怎么做|怎么办)吗\s*[？?]\s*\S{0,4}(?:我要回答|我来答|我来回答|写回答|去回答)"
        # ... and who liked a post, named (小周、Amy、阿坤等 128 人觉得很赞)
        r"|^(?:[^、，,。！？]{1,20}[、，,]\s*){1,12}[^、，,。！？]{1,20}?\s*等\s*\d[\d,]*\s*人\s*(?:觉得很赞|觉得很棒|觉得有用|赞了|点赞了?|赞过|喜欢)\W*$"
        # ... and the question under an answer whether it helped (该回复对你有帮助吗？ 有帮助 没帮助)
        r"|^(?:这条|该|此)(?:回复|回答|答案)(?:是否)?对(?:你|您)有(?:帮助|用)吗?\s*[？?]?(?:\s*(?:有|没)(?:帮助|用)){0,2}$"
        # ... and the heading over the answers after the best one (其他 3 条回答, 更多回答(5)), and who chose it
        r"|^(?:其他|其余|其它|更多)\s*\d*\s*(?:个|条)?(?:回答|答案)\s*(?:[(（]\d+[)）]|共\s*\d+\s*(?:个|条))?$"
        # ... and how the answers are sorted, alone or after their count (4 个回答 按有帮助排序, 默认排序 按时间排序)
        r"|^(?:\d+\s*(?:个|条)\s*(?:回答|答案|回复|评论)\s*)?(?:(?:默认|按\S{1,4})排序\s*){1,3}$"
        r"|^(?:(?:最佳|满意)(?:答案|回答)\s*)?(?:本|该|此)(?:回答|答案)(?:由|被)\S{1,12}(?:推荐|采纳|认证)$"
        # ... and the label over the best answer, with who chose it or when (最佳答案, 最佳答案提问者采纳, 推荐答案 2023-06-12 21:47)
        r"|^(?:最佳|满意|推荐|精选|优质)(?:答案|回答)\s*(?:(?:提问者|网友|专家)(?:采纳|推荐)|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)?$"
        r"|^[^\s\d，。！？][^\s，。！？]{0,19}\s*(?:赞同|点赞|喜欢|收藏|推荐)了(?:该|这个|此|这篇)(?:回答|问题|文章|想法|回复|内容)$"
        # what signing in or joining gives (登录后可收藏文章……, 加入会员，即可收藏文章并免费阅读……, 您需要 登录 才可以下载或查看)
        r"|^(?:登录|登陆|注册|加入会员|成为会员)(?:后|以后)?\s*[，,]?\s*(?:即可|可以?|就能|才能|才可以?)(?:免费)?(?:收藏|查看|下载|阅读|评论|发帖|回复|回帖)"
        r"|^(?:你|您)需要\s*登录\s*才(?:可以|能)(?:下载|查看|回复|回帖|发帖|浏览)"
        # what to do once signed in (登录后参与讨论，去登录 / 登录后回答问题，还能获得积分奖励), more replies folded away
        r"|^(?:登录|登陆)后\s*(?:参与|回答|交流|发表|才能|即可)[^。]*$|^还有\s*\d+\s*条(?:回复|评论)"
        # (the wall of a box for answering: 您还没有登录，登录后回答问题可获得积分奖励。)
        r"|^(?:你|您)还?(?:没有|未)登录\s*[，,]\s*(?:登录|登陆)后"
        # a sign-in prompt promising more (登录一下，更多精彩内容等你发现 / 立即登录，查看全部回答 / 登录某某，查看剩余 15 个回答)
        r"|^(?:立即|马上|现在)?(?:登录|登陆)(?:一下|[^\s，。]{1,6}?)?\s*[，,!！]\s*[^，。]{0,6}(?:更多|全部|剩余|其余)[^，。]*$"), 40),
    # a post's lone button (回复, 举报, 点赞), a word of its own on a line: under every reply, so the
    # text goes on after it
    Rule("post_button", "帖子下的按钮", _rx(
        r"^(?:回复|回覆|举报|点赞|收藏|转发|删除)$"
        # ... or a thread's view switches (只看楼主 · 最早回复, 倒序看帖)
        r"|^(?:(?:只看楼主|只看该作者|最早回复|最新回复|最热回复|倒序看帖|正序看帖|倒序浏览|正序浏览)\s*[·•|｜/]?\s*){1,4}$"
        # ... or the header of the box for answering (我来回答这个问题)
        r"|^(?:我来|我要)(?:回答|答)(?:这个问题|此问题)?$"
        # ... or a row of them (回复 支持 反对 / 引用 举报)
        rf"|^(?:(?:{_POST_BUTTONS})\s+){{1,5}}(?:{_POST_BUTTONS})$"), 30),
    # a BBS's notes on a post: where it was sent from, its address, who edited it (※ 发信站: 某某, 来自: 1.2.3.4)
    Rule("bbs_note", "论坛系统信息", _rx(r"^※\s*(?:发信站|文章网址|编辑|转录至|转录者|引述|修改|来源)\s*[:：]"
                                    # where a post was sent from, a line of its own (这个帖子发自某某社区网页版, 发自某某 iPhone 客户端)
                                    r"|^(?:这个帖子|这篇帖子|本帖|此帖)?(?:发自|来自|发送自)\s*[^\s，。！？,!?]{1,12}?\s*(?:iphone|ipad|android|安卓|苹果|手机|移动)?\s*(?:客户端|网页版|手机版|app)$"
                                    # a thread's reward for replying, its terms and no sentence (回帖奖励：每次回帖奖励 2 金币，每人限 1 次，剩余 86 金币)
                                    r"|^(?:回帖奖励\s*[:：]\s*)?每次回帖奖励\s*\d+\s*\S{1,3}[,，][^。！？!?]*(?:每人限|剩余|中奖概率)[^。！？!?]*$"
                                    # (回复本帖可获得 1 金钱奖励! 每人限 1 次(中奖概率 60%))
                                    r"|^(?:回复|回帖)本(?:帖|主题)可(?:获得|得到)\s*\d+\s*\S{1,4}?奖励\s*[!！,，]?[^。！？!?]*(?:每人限|剩余|中奖概率)[^。！？!?]*$"
                                    # what the moderators did to the post, said of it (本帖已被收录至《……》, 本帖被 某某 设置为精华)
                                    # (a notice's few words after it, no sentence: not a post telling what happened once it was recommended)
                                    r"|^本(?:帖|主题|贴)(?:已经?)?被.{0,24}?(?:收录|设置?为|设成|评为|加入|推荐|置顶|加精|高亮|移动|锁定)[^。！？!?]{0,30}$"), 200),
    Rule("related", "相关链接与上下篇", _rx(
        r"^(?:上一篇|下一篇|上一页|下一页|相关推荐|相关阅读|相关文章|推荐阅读|延伸阅读|猜你喜欢|热门文章|热门推荐|本月热门"
        r"|最新答案|最新文章|热门标签|更多精彩|往期回顾|往期推荐|为你推荐|为您推荐|大家都在看|相关新闻|相关专题)"
        # words an article may start a sentence with: only as a label on their own
        r"|^(?:上一条|下一条|上一则|下一则|热门阅读|热点新闻|热门新闻|热点推荐|精彩推荐|编辑推荐|今日推荐|排行榜|点击排行|阅读排行|24小时热\S{0,2}|热搜榜?"
        r"|(?:你|您)可能(?:还|也)?(?:想看|喜欢|会喜欢|感兴趣|想读)|\S{1,4}(?:热门新闻|热门文章|新闻排行)"
        # what other readers read (其他人也在看, 网友都在读)
        r"|(?:其他人|其他网友|别人|网友|读者)(?:也|还|都)(?:在看|在读|爱看)"
        # a public account's past posts (往期精彩回顾), a Q&A page's other questions (相关问题)
        r"|往期\S{0,2}(?:回顾|推荐|精选|文章|内容)|(?:相关|类似|相似)问题"
        # (a blog's own: 我的同类文章, 博主的其他文章)
        r"|(?:我的|博主的?|作者的?)?(?:延伸|相关|更多|最新|其他|其它|推荐|热门|热点|精选|近期|同类)(?:新闻|报道|报导|文章|阅读|视频|专题|资讯|讨论|帖子|话题)"
        # a row of links to other sites (相关链接：某某部 某某省人民政府, 友情链接)
        r"|(?:相关|友情)链接)"
        # (a link to more of them after it: 最新讨论 (更多))
        r"\s*(?:[(（]\s*更多\s*[)）]\s*)?(?:[:：>》|]|$)"), 80, True),
    # a page's count of its pages (本主题共有 7 篇文章，分 1 页，当前第 1 页; 第 2 页 / 共 5 页)
    Rule("pagination", "分页提示", _rx(
        r"^(?:本主题|本帖|本文)?共有?\s*\d+\s*(?:篇|条|个|帖|楼|页).{0,12}?(?:分|共)\s*\d+\s*页|当前第\s*\d+\s*页"
        # (after the count of the posts, the pages' count in brackets: 7 篇帖子 • 第 1 页 (共 1 页); 共 3 页 第 1 页)
        r"|^(?:\d+\s*(?:篇|条|个)?\s*(?:帖子|回复|回帖|文章|主题)\s*[•·,，|｜]?\s*)?第\s*\d+\s*页\s*[/／,，]?\s*[(（]?\s*共\s*\d+\s*页\s*[)）]?$"
        r"|^共\s*\d+\s*页(?:\s*[/／,，]?\s*第\s*\d+\s*页)?$"
        # ... or after the count of the replies (18回复贴，共2页)
        r"|^\d+\s*(?:回复贴|回复|回帖|条回复|篇帖子)\s*[,，]?\s*共\s*\d+\s*页$"
        # ... and in an English template (phpBB's 6 posts • Page 1 of 1)
        r"|^(?:\d+\s*(?:posts?|topics?|replies|messages)\s*[•·,|]?\s*)?page\s*\d+\s*of\s*\d+$"), 40),
    # (three tags or more in a row, their words as typesetting spaces them: #私域运营 #RFM 模型 #会员运营;
    # one spaced like that is a slogan quoted in the text: #是 women 更是我们#)
    # (not a post's floor number: #2)
    Rule("tag_line", "标签行", _rx(r"^(?:文章|相关|热门|词条|新闻|博文|帖子|本文)?(?:标签|tags?|话题)\s*[:：]|^(?!#\s*\d+\s*$)(?:#[^#\s]{1,40}#?\s*){1,}$"
                                 rf"|^(?:#{_SPACED_TAG}\s+){{2,}}#{_SPACED_TAG}\s*$"), 300, True),
    Rule("answer_list", "回答与评论列表", _rx(r"^.{1,16}(?:回答|评论|回复)于\s*[\d\-/:年月日\s]+$"), 40),
    # one other article named for further reading: the lines after it (references) stay
    Rule("further_reading", "相关链接与上下篇", _rx(r"^(?:扩展|拓展)阅读\s*[:：]"), 120),
    Rule("dated_link", "相关链接与上下篇", _rx(r"^\d{1,4}[-/]\d{1,2}(?:[-/]\d{1,2})?\s+\S.{0,40}$"), 50),
    # (not a story's "as of press time": 截至发稿，…; 发稿时…)
    # a call to submit (欢迎投稿, 投稿邮箱：…, 点击投稿, 申请成为专栏作者, a menu's 投稿), not a sentence about
    # submissions (两周收到了 400 多篇投稿, 向头部作者约稿, 新人成为了持续更新的作者: content operations' own words)
    Rule("submission", "投稿提示", _rx(
        r"(?:欢迎|我要|在线|点击|合作与|接受|征集\S{0,4}|立即|马上|去|匿名)投稿|^投稿"
        r"|投稿(?:须知|邮箱|信箱|请|指南|入口|方式|通道|地址|热线|说明|规则|要求|须|通知|\s*[:：「《【]|\s*[|｜]|$)"
        r"|(?<!截至)(?<!截止)发稿(?![时前])|(?:欢迎|接受|长期)约稿|约稿(?:请|邮箱|合作|联系|须知)"
        r"|^(?:申请|立即|马上|点击|我要|欢迎)?成为.{0,10}作者\W*$|成为.{0,10}作者\s*[，,]?\s*(?:请|即可|享|可获)|作者身份"
        r"|(?:稿件|投稿|作品).{0,20}专人.{0,6}联系"), 120),
    Rule("word_count", "字数与阅读时长提示", _rx(
        r"^[（(\[【]?\s*(?:全文|本文|正文)?(?:约|共|大约)?\s*[\d,，]+\s*字[）)\]】]?$"
        r"|阅读(?:需要|约|大约|时间)?\s*[:：]?\s*\d+\s*分钟|^[（(]?(?:字数|全文字数)\s*[:：]\s*\d+"), 30),
    Rule("counter", "阅读、点赞等计数", _rx(
        # a counter word with a number (查看: 1031|回复: 1, 采纳数：152 获赞数：112), or a short label
        # with two numbers or more (欧气 1 0)
        r"^(?:被?(?:阅读|浏览|查看|点击|点赞|赞同|获赞|赞|收藏|评论|回复|回帖|参与|采纳|分享|转发|喜欢|热度|人气|围观|播放|编辑"
        r"|views?|likes?)(?:量|数|次数)?\s*[:：·•]?\s*[(（]?\d[\d,]*(?:\.\d+)?\s?[万千kKw+]?[)）]?\s*(?:次|人)?\s*[|｜·/]?\s*)+$"
        # a member's or a board's figures, two or more in a row (主题 12 帖子 386 积分 1286; 某某吧 关注：28,416 贴子：193,552;
        # 今日: 126|昨日: 432|帖子: 50万, 今日 126 帖 · 主题 18,322;
        # one alone may be a reply's text)
        r"|^(?:[^\s\d：:，。]{1,12}\s+)?(?:(?:主题|帖子|贴子|积分|精华|金币|威望|贡献|粉丝|声望|关注|获赞|成员|会员|今日|昨日|最高日)\s*[:：]?\s*\d[\d,]*(?:\.\d+)?[万千kKw+]?\s*(?:帖|篇)?\s*[|｜·/]?\s*){2,}$"
        # ... or a date or a span in a member's profile (注册时间: 2021年 5月 3日 星期一 10:22, 在线时间: 120 小时)
        r"|^(?:注册|注册时间|注册日期|加入时间|加入日期|加入于|最后登录|上次登录|在线时间)\s*[:：]\s*(?:\d[\d\s年月日:：\-/.]*|[A-Za-z]{3,9}\.?\s+\d{4}\W*$)"
        r"(?:(?:星期|周)[一二三四五六日天])?[\s\d:：]*[(（]?(?:小时|分钟|天)?[)）]?$"
        # (numbers set apart: a phone number is one number, not two)
        r"|^[^\d\s：:，。]{1,6}\s*[:：]?\s*\d+(?:\.\d+)?[万千kKw+]?(?:\s*[:：]?\s+\d+(?:\.\d+)?[万千kKw+]?)+\s*$"
        # numbers before the counter words (12 赞 3 回复, 1 回复 1: a post's row of buttons with their counts)
        r"|^(?:\d[\d,]*[万千kKw+]?\s*(?:阅读|浏览|点赞|赞|收藏|评论|回复|分享|转发|喜欢)\s*)+\d*$"
        # a question's status fields on one line (悬赏分：20 - 解决时间：2011-1-14 09:26, 提问时间：2009-06-21 22:13:05)
        r"|^(?:(?:悬赏分?|悬赏积分|赏分|解决时间|提问时间|发问时间|回答时间|采纳时间)\s*[:：]\s*\d[\d\s\-/:.年月日]*(?:分|积分)?\s*[-|｜·]?\s*)+$"
        # ... with the asker's name and the views before or after (提问者：某某 2013-04-27 21:46 浏览次数：3521 次)
        # (or its badges and its bounty: 提问者：某某 - 试用期 一级 悬赏分：20 浏览次数：3021)
        r"|^提问者\s*[:：]\s*[^。！？，,]{1,40}?(?:悬赏分?\s*[:：]\s*\d+\s*)?浏览(?:次数|量)?\s*[:：]?\s*\d[\d,]*\s*次?$"
        r"|^提问者\s*[:：]\s*\S{1,24}?\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:浏览(?:次数|量)?\s*[:：]?\s*\d[\d,]*\s*次?)?$"
        # ... a list's count beside its tab (问大家 共 128 个问题, 共 23 条回答)
        r"|^\S{0,6}\s*共\s*\d[\d,]*\s*(?:个|条)\s*(?:问题|回答|答案|评论|回复)$"
        # ... a rating widget's average (目前平均 0 颗星, 评分：4.5, 综合评分 9.2 分)
        r"|^[(（]?\s*(?:目前|当前)?\s*(?:(?:平均|综合)\s*(?:评分|得分)?|评分|得分|星级)\s*[:：]?\s*\d+(?:\.\d+)?\s*(?:颗星|星|分)?\s*[)）]?$"
        # ... a board's members alone (本版成员：1286人)
        r"|^\S{0,4}(?:成员|会员)(?:数|人数)?\s*[:：]\s*\d[\d,]*\s*(?:人|位)?$"
        # ... and a question's figures (浏览 1,204 · 回答 4, 关注 12 · 回答 3)
        r"|^(?:(?:浏览|关注|回答|回复)\s*[:：]?\s*\d[\d,]*(?:\.\d+)?\s*[万千kKw]?\s*(?:次|个|条|人)?\s*[·•|｜/]?\s*){2,}$"
        # 161 人赞同了该回答, 1,208 人赞同了该回答
        r"|^\d[\d,]*(?:\.\d+)?[万千kKw+]?\s*(?:个)?人\s*(?:赞同|点赞|喜欢|收藏|关注|觉得有用|推荐)了?(?:该|这个|此|这篇)?(?:回答|文章|内容|帖子|问题)?$"
        # 0 评论 2469 浏览 7 收藏 7 分钟
        r"|^(?:[\W_]*\d[\d,]*(?:\.\d+)?[万千kKw+]?\s*(?:条|次|人|个)?\s*(?:评论|浏览|阅读|收藏|点赞|赞|转发|分享|在看|分钟|回答|回复|答案|参与|点击|感谢"
        r"|views?|comments?|collects?|likes?|shares?)\s*[|·/]?\s*)+$"
        # a question's or an answer's row of buttons with its counts (我来答 分享 举报 浏览 3521 次; 关注者 312 被浏览 18,406;
        # 赞同 1286 添加评论 分享 收藏)
        # (回应 赞 (64); 有用 136 · 评论 18 · 收藏 · 举报; a row of them without counts: 关注问题 邀请回答 写回答)
        r"|^(?=.*(?:\d|关注问题|邀请回答|写回答|我来答|添加评论))(?:(?:\d[\d,]*(?:\.\d+)?[万千kKw+]?\s*(?:次|人|条|个)?\s*)?"
        r"(?:我来答|写回答|邀请回答|关注问题|好问题|添加评论|关注者|被浏览|浏览|阅读"
        r"|评论|分享|举报|收藏|喜欢|赞同|点赞|赞|踩|反对|支持|回复|回应|转发|追问|感谢|有用|没用|收起)"
        r"(?:\s*[:：]?\s*[(（]?\d[\d,]*(?:\.\d+)?[万千kKw+]?[)）]?\s*(?:次|人|条|个)?)?\s*[|｜·/]?\s*){2,}$"
        # a page still loading its counters, comments or video (视频加载中，请稍候……)
        r"|^(?:视频|图片|内容|评论|播放器)?\s*(?:加载中|正在加载|载入中|loading)\W*(?:请稍候|请稍等|请耐心等待)?\W*$"), 60),
    Rule("follow_prompt", FOLLOW_REASON, _rx(
        r"^(?:(?:用|打开)?(?:微信|手机|APP)\s*)?(?:扫码|扫描|长按|点击|戳|识别).{0,8}(?:关注|二维码|订阅|阅读原文|下载|领取|蓝字)|^(?:微信)?(?:扫码|扫一扫)分享|^阅读原文$"
        # a share code's call to open it in an app (长按复制此条消息，打开某音搜索，查看商品详情！ 复制这条信息，打开手机某宝)
        r"|^(?:长按)?复制(?:此条|这条|本条|该)?(?:消息|信息|口令|链接)\s*[，,]\s*打开\S{1,10}"
        # a page's QR code to open it on a phone (扫一扫在手机打开当前页)
        r"|^(?:扫一扫|扫码|扫描二维码)\S{0,3}(?:在|用)?手机\S{0,2}(?:打开|浏览|查看|阅读|访问)"
        # ... or in the site's app (某某客户端扫码阅读, 用某某APP扫一扫)
        r"|^\S{0,8}(?:客户端|app)\s*(?:扫码|扫一扫)\S{0,2}(?:阅读|打开|查看|下载)?\W*$"
        # an in-app page's guide to leaving the app (点击右上角···, 选择在浏览器中打开)
        r"|^点击右上角\W*$|^(?:请|选择)?(?:在|用)?(?:系统|默认)?浏览器中?打开\W*$|关注我们|点个?在看|"
        r"^(?:点赞|在看|分享|收藏|转发)(?:[、，,和 ]*(?:点赞|在看|分享|收藏|转发))+$|返回搜狐|查看更多$|^举报\s*/?\s*反馈$|^分享(?:到|至)"
        r"|^查看详情|^分享(?:让|给)|欢迎关注|追踪更多|(?:fb|facebook|脸书)\s*粉丝(?:团|页)|按个?赞.{0,10}粉丝(?:团|页)|按个?\W?赞\W?!|^进入.{1,16}讨论|^更多(?:文章|新闻|精彩|内容).{0,4}[，,]?都在"
        # a line sending readers elsewhere: 更多……请关注某某网 / 欢迎访问 www.example.com
        r"|^更多.{0,40}(?:请|敬请|欢迎)(?:关注|访问|登录|搜索|下载)"
        # 用 Twitter 追踪某某新闻：
        r"|^(?:\d+\s*[.、]\s*)?用\s*\S{1,12}\s*(?:追踪|关注|订阅).{0,12}(?:新闻|资讯)\s*(?:[:：]\s*\S{0,20})?$"
        r"|第一个赞赏|还没有人赞赏|^赞赏(?:\s|$)|🔗\s*$|^🔗"
        # a box asking for a tip, and its count (喜欢这篇文章？打赏一下作者吧, 已有 36 人打赏); likes asked
        # for in a row of buttons' words (分享、点赞、在看，三连支持一下)
        r"|^[^。]{0,14}?(?:打赏|赞赏)(?:一下|支持一下)?(?:作者|博主|小编|楼主)吧?\W*$|^已有\s*\d+\s*(?:人|位)(?:打赏|赞赏)\W*$|三连支持"
        # a follow button beside the author's name; a follow-me line inside the text
        # (a name may hold a space or end in a bracket: Vic 的营销思考 关注, 志忠（运营）关注)
        r"|^(?=.{2,28}$)[^\s，。！？、]{1,16}(?:\s[^\s，。！？、]{1,16}){0,2}(?:\s+\+?\s*|(?<=[）)])\+?)关注$|^关注(?:我|我们|本号|公众号(?!的))"
        # asking readers to like and pass it on (欢迎点赞、转发以及在看)
        r"|(?:欢迎|记得|别忘了|麻烦)(?:大家|各位)?(?:点赞|转发|在看|一键三连|三连)"
        # the author's contact for readers (可加 abc123，备注来意 / 加我微信：abc_12) and a link labelled 传送门
        r"|加(?:我|作者|小编|博主)?的?(?:微信|vx|v信|wx|企微|微信号)?\s*[:：]?\s*(?=[\w-]*[\d_])[A-Za-z][\w-]{4,}\s*[，,]?\s*(?:备注|进群|交流|$|[）)])"
        r"|传送门\s*[:：]?\s*(?:https?://|$)"
        # a site's own app or account advertised in a line (关注某某频道官方微信, 下载某某APP，随时随地……,
        # 海量资讯、精准解读，尽在某某APP)
        r"|^(?:关注|下载|打开|安装)[^，。！？]{1,16}(?:官方微信|官方微博|公众号|视频号|app|客户端)(?:[，,！!]\s*[^。！？]{0,20})?$"
        r"|尽在[^，。！？]{1,12}(?:app|客户端)$"
        # ... and its call to act at once (使用某某APP，立即抢鲜体验。……)
        r"|^(?:使用|下载|打开|安装)[^，。！？\s]{1,16}\s?(?:app|客户端)\s*[，,]\s*(?:立即|马上|即刻|随时随地)"
        r"|^(?:加入|追踪|订阅)[^，。！？]{1,16}(?:line\s*好友|官方帐号|官方账号|粉丝团|电子报)(?:[，,！!]\s*[^。！？]{0,16})?$"), 80),
    # a site's notice that it uses cookies (本网站有使用 Cookies，请确定同意接受才继续浏览。了解更多); an article's
    # sentence on cookies (第三方 cookie 被浏览器禁用后……) is not one
    Rule("cookie_notice", "Cookie 使用提示", _rx(
        r"^(?:本网站|本站|此网站|网站|我们)\S{0,12}?(?:使用|采用)\S{0,6}?\s*cookies?\b"
        r"|cookies?.{0,40}?(?:继续(?:浏览|使用|访问)|同意|接受)"), 120),
    # a site's banner above a page: a promotion with its button at the end (……年度沙龙报名开启，3 月 25 日上海见！点此报名;
    # ……报名中，老会员八折 查看详情; ……早鸟票限时 5 折 广告: its text in clauses, not a heading's 电商 VS 广告),
    # or one a cross closes, or a notice under its label (站务公告：……, 公告【吧规】……, 置顶【吧规】……);
    # a sentence asking readers to sign up (……大家可以立即报名。) is no banner
    Rule("site_banner", "站点活动与公告横幅", _rx(
        r"^.{6,}?[\s！!～~](?:立即|马上|点此|点击)(?:报名|参与|预约|抢购|领取|体验|参加|抢票)[\s！!～~>»→]*$"
        r"|^(?=.*[，,！!]).{6,}?\s(?:查看详情|了解详情|了解更多|去报名|去看看|广告)[\s！!～~>»→]*$"
        r"|^(?:置顶|版规|吧规)?\s*[【\[]?(?:站务|社区|本站|网站|系统|版务|吧务|论坛)?(?:公告|吧规|版规|站规)(?:[】\]]|\s*[:：【\[])"
        # ... or with the cross that closes it (……年度订阅限时 7 折，解锁全部付费栏目×)
        r"|^.{6,}[^\d\s×✕✖]\s?[×✕✖]$"), 80),
    # a site's greeting at the top of its pages (欢迎访问某某网！); a community's welcome (欢迎加入本群) is not one
    Rule("site_greeting", "站点欢迎语", _rx(r"^(?:(?:您|你)好\s*[，,!！]?\s*)?欢迎(?:您)?(?:访问|光临|莅临|来到)\S{0,20}?(?:网|网站|官网|论坛|社区|平台|本站)(?:[!！。，,~～]|$)"), 40),
    # a line of nothing but the login, sign-up and bookmark buttons (立即注册 登录, 设为首页 加入收藏), and
    # where a poster was (IP 属地：浙江) or posted from (an address)
    Rule("login_buttons", "登录、注册与收藏本站按钮", _rx(
        r"^(?:(?:立即|马上|免费|快速)?(?:登录|登陆|登入|注册|注册账号|退出|设为首页|设为主页|加入收藏|收藏本站)\s*[/|｜·]?\s*){1,4}$"
        r"|^IP\s*属地\s*[:：]"
        # a shop's bar greeting a visitor (亲，请登录 免费注册 手机逛某某)
        r"|^\S{0,4}[，,]?\s*请\s*登录\s*[|｜]?\s*(?:免费)?注册(?:\s*[|｜]?\s+[^\s，。,.！？]{1,10}){0,3}\s*$"
        # ... or the address they posted from (◆ From: 114.32.157.88, 来自: 117.136.*.*)
        r"|^\W{0,3}(?:from|来自|ip(?:\s*地址)?)\s*[:：]\s*[\[(（]?\d{1,3}(?:\.(?:\d{1,3}|\*)){1,3}[\])）]?\s*$"), 30),
    # a search box's prompt copied with the page (搜索你感兴趣的内容…, 请输入关键词): a line trailing off
    # (a heading about search engines does not), or asking for the words to search for
    Rule("search_box", "输入框的提示文字", _rx(
        r"^(?:请)?(?:输入|搜索|搜一搜|查找)[^，。！？\s…⋯.]{0,16}(?:…|\.{3}|⋯)$"
        r"|^(?:请)?输入(?:搜索)?(?:关键词|关键字|搜索词)(?:搜索|查找)?$"
        # ... or naming what to look for (搜索你感兴趣的内容)
        r"|^(?:搜索|搜一搜|查找)(?:你|您)(?:感兴趣|想要|想看|想找|想了解|关心)的?(?:内容|问题|话题|文章|资讯|东西)?$"
        # ... or the kinds of things it finds (搜索课程、文章、规则)
        r"|^(?:搜索|搜一搜|查找)(?:[\u4e00-\u9fff]{1,4}[、/／]){1,5}[\u4e00-\u9fff]{1,4}$"
        # ... and a comment box's (说点什么..., 输入评论（Enter换行，Ctrl + Enter发送）, 写下你的回答…)
        r"|^(?:说点什么|说说你的看法|写下你的想法)吧?\W*$"
        r"|^(?:请)?(?:输入|写下|发表|添加)(?:你|您)?的?(?:评论|回答|回复|留言|想法|看法)\W*(?:[(（][^()（）]{0,30}[)）])?\W*$"
        # ... and the words others search for beside it, three or more with spaces between (热门搜索：甲 乙 丙; an
        # article's example of them, 热搜词：某某 | 某某, or its subheading, 3）热门搜索词：, is none)
        r"|^[^\s\d]{0,4}(?:热搜|热门搜索|搜索热词|热门关键词|正在搜|都在搜)(?:榜|词)?\s*[:：]\s*[^\s|｜，。,]+(?:\s+[^\s|｜，。,]+){2,}$"), 80),
    # what a scraper or a page prints where an empty summary would stand (No brief available., 暂无简介)
    Rule("placeholder", "空摘要的占位文字", _rx(
        r"^(?:no\s+(?:brief|summary|description|abstract|excerpt|preview)\s+(?:is\s+)?(?:available|provided|found)\.?"
        r"|(?:暂无|没有|尚无)(?:摘要|简介|描述|导语)[。.]?)$"), 40),
    # the page's own buttons on a line of their own: print, close the window, back to the top
    Rule("page_buttons", "页面按钮（打印、关闭窗口、返回顶部）", _rx(
        r"^[【\[（(]?\s*(?:关闭窗口|关闭本页|打印本页|打印本文|打印此文|返回顶部|回到顶部|返回列表|收藏本页)\s*[】\]）)]?$"
        # a forum's layout and floor tools, alone or in a row (开启辅助访问 切换到宽版, 电梯直达跳转到指定楼层)
        rf"|^{_FORUM_TOOLS}(?:\s*[|｜·]?\s*{_FORUM_TOOLS})*$"
        # a bracketed button to copy the page's address (a thread's [复制链接])
        r"|^[【\[]\s*复制(?:本帖|本页|本文)?(?:链接|地址|网址)\s*[】\]]$"
        # a row of bracketed buttons: 【关闭窗口】 【发表评论】 【打印本稿】
        r"|^(?:[【\[]\s*[^【】\[\]\s]{2,6}\s*[】\]]\s*){2,}$"
        # ... the text size control among them (【字体：大 中 小】【打印本页】)
        r"|^[【\[]\s*(?:字体|字号|字级)\s*[:：]?\s*[^【】\[\]]{1,12}[】\]]\s*(?:[【\[]\s*[^【】\[\]\s]{2,6}\s*[】\]]\s*)*$"
        # the text size control, its sizes (小 中 大, A+ A-) and the buttons barred after it (字号：∣评论∣打印)
        # (a label alone may be a design article's heading)
        r"|^(?:字体|字号|字级|字型|文字)(?:大小|设定|设置|调整)?(?:\s*[:：]|\s+(?=\S))\s*[\[【(（]?\s*(?:(?:[大中小]|特大|超大|标准|默认|[Aa][+\-]|[+\-])\s*[|｜∣/]?\s*)*"
        # (in brackets, the share label after it: 字体：[ 大 中 小 ]　分享到：)
        r"[\]】)）]?\s*(?:[|｜∣]\s*[^\s|｜∣，。]{1,4}\s*)*(?:分享(?:到|至)?\s*[:：]?\s*)?$"), 40),
    # the index fields of a government site's public information (索引号：…, 主题分类：…, 文号：…,
    # 发布机构：…, 成文日期：…): the site's catalogue, not the notice
    Rule("gov_index", "政府信息公开的索引信息", _rx(
        r"^(?:索\s*引\s*号|主题分类|主\s*题\s*词|文\s*号|发文字号|发布机构|发文机关|成文日期|公开方式|公开范围|公开时限"
        r"|有\s*效\s*性|信息分类|组配分类|体裁分类|服务对象分类|发布单位|发文单位)\s*[:：]"), 80),
    # a post's header in a thread: who and how long ago, the floor, counts (gazeldx #1 1 月前,
    # 某某 · 1 月前 · 最后由 某某 回复于 19 天前 · 1350 次阅读); a sentence that starts 3 天前， is text
    Rule("post_header", "帖子的发帖人、楼层和时间", _rx(
        rf"^(?!.*[，。！？；])(?=.{{2,80}}$).*\d+\s*{AGO_UNITS}\s*前\s*(?:$|[·•|｜]|最后由)"
        # (when a post was made, with the thread's controls after a bar: 发表于 2024-1-9 23:05:47 | 只看该作者)
        r"|^发表于\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*[|｜]\s*[^，。！？|｜]{2,8}(?:\s*[|｜]\s*[^，。！？|｜]{2,8})*$"
        # (the rating under a post: 参与人数 3 贡献 +6 收起 理由)
        r"|^参与人数\s*\d+(?!.*[，。！？])"), 80),
    # an encyclopedia's notes about its own entry, which it calls 本词条 (本词条缺少概述图……, 本词条由……审核),
    # and a forum's note on what its moderators did to a thread (本主题由 某某 于 2024-5-18 20:57 审核通过)
    Rule("wiki_prompt", "百科词条和论坛帖子的管理提示", _rx(
        r"^本词条|^本(?:主题|帖子?)(?:最后)?由\s*\S.{0,30}?于\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}.{0,12}?"
        r"(?:审核|通过|加入|设置|置顶|移动|编辑|关闭|解除|高亮|推荐|加精)"), 120),
    # a breadcrumb (a label may lead it: 当前位置：首页 > 栏目 > 标题)
    Rule("breadcrumb", "导航路径", _rx(
        r"^(?:(?:当前|您的|你的|所在)?位置|您在这里|你在这里)?\s*[:：]?\s*首页\s*[>/»›＞]"
        # its label left alone on a line (您当前的位置：)
        r"|^(?:您|你)?(?:当前|现在|所在)?的?(?:位置|所在位置)\s*[:：]$"
        # three or more short names joined by the marks only a path uses (某某论坛 » 论坛 › 运营实战)
        # (the page's headline may end it)
        r"|^(?:[^»›\s][^»›。，！？]{0,15}\s*[»›]\s*){2,}[^»›。！？]{1,60}$"), 120),
    # a menu copied as text: five or more short words in a row with only spaces or bars between them
    # (Han words of two to four characters: spaces around Latin words are typesetting, a spaced-out
    # title has one character a word)
    Rule("menu_line", "导航菜单", re.compile(r"^(?:[\u4e00-\u9fff]{2,4}(?:\s*[|｜/·•]\s*|\s+)){4,}[\u4e00-\u9fff]{2,4}$"
                                          # (between bars, four links of a footer, each a name: 网站地图 | 联系我们 | 网站声明 |
                                          # 政府网站找错; not words of a method: 拉新 | 促活 | 留存 | 转化)
                                          r"|^(?:[\u4e00-\u9fff]{4,6}\s*[|｜]\s*){3,}[\u4e00-\u9fff]{4,6}$"),
         80),
    # the front matter of an academic paper as a text dump: keywords (kept as the page's
    # categories), classification numbers, affiliations with postcodes, funding, dates
    Rule("paper_meta", PAPER_REASON, _rx(
        # the label may be spaced out (关 键 词), bracketed (【关键词】) or followed by a stray bar (关键词|：)
        rf"^{_LABEL_OPEN}(?:{_spaced(*_PAPER_LABELS)}|key\s*words|doi|abstract){_LABEL_CLOSE}"
        r"|\((?:\d\.)?[^()]*(?:University|Institute|Academy|College|Laboratory|School of)[^()]*\)\s*$"
        r"|^[(（\[]?\s*\d?\.?\s*.{0,60}?(?:大学|学院|研究[所院]|研究中心|学校|公司).{0,60}?[，,\s]\d{6}\s*(?:[)）;；]|$)"
        ), 400),
    Rule("relative_time", "更新时间提示", _rx(
        r"^(?:更新于|最后更新|最近更新|发布于|updated|last updated)?\s*[:：]?\s*(?:\d+|一|两|几)\s*"
        rf"(?:{AGO_UNITS}|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s*(?:前|ago)$"
        # a page's footer: 本页面最后修订于2024年4月28日
        r"|^(?:本页面?|本文|本词条|此页面?)?最后(?:修订|修改|编辑|更新)于\s*\d{4}"), 60),
    Rule("wechat_ui", "公众号页面的界面文字", _rx(
        r"^微信号\s*[:：]?\s*\w+$|^功能介绍|预览时标签不可点|关注该公众号|轻点两下|^(?:继续|向上|向下)滑动看下一个|轻触阅读原文"
        r"|^左右滑动查看更多|^使用小程序|^微信扫一扫|^(?:取消|允许|知道了)$"), 60),
    Rule("author_bio", "作者简介与专栏说明", _rx(r"专栏作家|专栏作者|签约作者|特约作者|入驻.{0,8}(?:作者|专栏)"), 200),
    Rule("contact", "报料与联系方式", _rx(
        r"^\S{0,12}[\w.+-]+@[\w-]+\.[\w.]+\S{0,4}$"
        # (not a notice's own sentence naming whom to contact: 联系人：某某，联系电话：……，电子邮箱：……。; nor a story's
        # long sentence that comes to the number after a clause: 市民如有意见，可拨打服务热线96118，或……留言。)
        r"|^(?!联系人\s*[:：].*[。.]$)(?!(?=.{40,}$)[^。]*?[，,][^。]*?(?:热线|邮箱|信箱|报料|爆料|举报电话)[^。]*[。.]$)"
        r".*?(?:热线|邮箱|信箱|报料|爆料|举报电话)\s*[:：﹕]?\s*(?:[\w.+-]+@|\d{3,})"
        r"|^(?:请输入)?验证码|验证码(?:有|区分|不区分)大小写|请用.{0,6}分开"
        # a help page's way to its support desk (仍有疑问？可以联系在线客服……)
        r"|^(?:仍有|还有|如有|若有|仍然有)(?:疑问|问题)[？?，,！!\s]*(?:可以?|请|欢迎)?(?:联系|咨询|拨打).{0,8}客服"), 80),
    Rule("ad_feedback", "广告与站点提示", _rx(
        r"(?:这个|此)广告(?:令我|与我|不)|移除这个广告|广告反馈|^由.{1,8}提供的广告|^隐私权?(?:规范|政策|声明)$"
        r"|同意.{0,8}隐私权?(?:规范|政策)|^(?:此|本)条目"
        r"|由网友共同编辑|^(?:跳到|跳至|转到)(?:主要)?(?:内容|正文)|^skip to (?:main )?content$"
        # an ad's label set apart before its copy, as a page copies it (广告 某某系统免费试用，……)
        r"|^(?:广告|推广|赞助)\s+[\u4e00-\u9fff][^。！？]{4,60}$"
        # ... or in brackets before it (【推广】足不出户学会计，考证通过率全国领先)
        r"|^[【\[(（]\s*(?:广告|推广|赞助)\s*[】\])）]\s*\S[^。！？]{2,60}$"
        # ... or its label's own words for it (推广链接：某某系统 免费试用30天; 广告 · 某某)
        r"|^(?:推广|赞助|广告)链接\s*[:：]\s*\S[^。！？]{2,60}$|^广告\s*[·|｜]\s*\S[^。！？]{2,60}$"
        # the text saying it carries links that pay its author (本文含商品推广链接，通过链接购买作者可能获得佣金)
        r"|^本(?:文|篇|页|帖)中?(?:含|包含|含有|带有)有?.{0,8}?(?:推广|广告|返利|联盟|带货|购物)链接"), 80),
    Rule("repost_note", "转载来源说明", _rx(
        r"^(?:本文|文章)(?:来自|转载自|来源于|首发于|经授权转载自|由).{0,40}(?:公众号|平台|网站|专栏|作者|授权|发布)"), 160),
)


def _named(name: str) -> Rule:
    return next(r for r in RULES if r.name == name)


# a picture's credit (图片来源：…, 题图来自…): a caption that adds only this to a picture's alt text says no more (recover.py)
IMAGE_NOTICE = _named("image_notice").pattern


_ZERO_WIDTH = re.compile("[\u200b\u2060]")  # a zero-width space or word joiner between a copied row's buttons


_COUNTER = _named("counter")
_COUNTER_SEPARATOR = re.compile(r"\s*[·|｜/•]\s*")


def match_rule(text: str) -> Rule | None:
    t = plain(text).strip()
    if "\u200b" in t or "\u2060" in t:  # (赞同 1208​113 条评论​分享: the words of a row apart, as the page shows them)
        t = _ZERO_WIDTH.sub(" ", t).strip()
    for rule in RULES:
        if len(t) <= rule.max_len and rule.pattern.search(t):
            return rule
    # a row of counters, each one the rule knows (1,284 人关注 · 被浏览 36.8万 次)
    parts = _COUNTER_SEPARATOR.split(t) if len(t) <= _COUNTER.max_len else []
    if len(parts) >= 2 and all(p and _COUNTER.pattern.search(p) for p in parts):
        return _COUNTER
    return None


def rule_named(text: str, *names: str) -> bool:
    """The rules take ``text`` for furniture of one of these kinds (their rules' names)."""
    rule = match_rule(text)
    return rule is not None and rule.name in names
