"""Chinese duty descriptions for the O*NET check's "Chinese prose, no title" job texts, written for the project.

A Chinese posting describes the job in Chinese prose (负责招聘、薪酬福利、员工关系…) and names tools in
Latin letters; the check's template Chinese text has no prose at all. O*NET has no Chinese text, so
these are the project's own, written as a Chinese posting's 岗位职责 would be, for the occupations
closest to the usual public résumé categories (HR, advocate, arts, web design, mechanical, civil and
electrical engineering, sales, fitness, software and testing, database, data science, network
security, project management, operations, blockchain). Protocol: all of them, dev and test, were
written before the ranker's body words (``matching/core/crosslingual.py``, ``BODY_WORDS``) were
written; those words were then tuned on the dev occupations only, and the test ones measured once.
The same hands wrote both, so read the figure as an estimate, not as a measurement on real postings.
"""

from __future__ import annotations

DEV: dict[str, str] = {
    "General and Operations Managers": (
        "负责公司日常运营管理，制定年度经营计划和预算并跟踪执行；统筹生产、采购、物流等部门的协调，"
        "优化业务流程，控制成本，提升运营效率；管理团队，组织绩效考核。"
    ),
    "Compensation and Benefits Managers": (
        "负责制定和完善公司薪酬福利体系，组织年度调薪和薪酬市场调研；管理员工社保、公积金、商业保险等"
        "福利项目；审核每月工资核算与发放，确保符合劳动法规。"
    ),
    "Human Resources Managers": (
        "全面负责人力资源管理工作，包括招聘、培训、绩效、薪酬福利和员工关系；建立和完善人事制度与流程；"
        "处理劳动纠纷，推动组织发展和企业文化建设。"
    ),
    "Training and Development Managers": (
        "负责公司培训体系的搭建，分析培训需求，制定年度培训计划；组织新员工入职培训和管理层领导力培训，"
        "开发培训课程，评估培训效果；管理内部讲师队伍。"
    ),
    "Human Resources Specialists": (
        "负责招聘全流程，发布职位、筛选简历、安排面试；办理员工入职、转正、离职手续；维护人事档案，"
        "协助处理员工关系和考勤工作。"
    ),
    "Database Architects": (
        "负责公司数据库架构设计与规划，制定数据模型和数据库设计规范；负责数据库性能调优、高可用和容灾"
        "方案；支持业务系统的数据存储需求，评估新的数据库技术。"
    ),
    "Data Warehousing Specialists": (
        "负责数据仓库的设计、开发与维护，建设数据模型；开发数据抽取、清洗、转换和加载流程；保障数据"
        "质量，支持报表和商业智能分析。"
    ),
    "Software Quality Assurance Analysts and Testers": (
        "负责软件产品的测试工作，编写测试计划和测试用例；执行功能测试、回归测试和性能测试，跟踪缺陷"
        "直至关闭；搭建自动化测试框架，编写自动化测试脚本，输出测试报告。"
    ),
    "Web and Digital Interface Designers": (
        "负责公司网站和移动端产品的界面设计，完成网页视觉设计和交互设计；制作设计稿和原型，与前端开发"
        "配合确保设计落地；优化用户体验，维护设计规范。"
    ),
    "Penetration Testers": (
        "负责对公司业务系统、网站和内网进行渗透测试和安全评估；挖掘安全漏洞，编写漏洞报告并跟踪修复；"
        "开展红蓝对抗和安全攻防演练，研究新的攻击技术。"
    ),
    "Information Security Engineers": (
        "负责公司网络安全体系建设，设计和部署防火墙、入侵检测等安全设备；开展安全监控和应急响应，处理"
        "安全事件；制定信息安全策略，推动等级保护合规。"
    ),
    "Blockchain Engineers": (
        "负责区块链底层平台和智能合约的设计与开发；参与共识算法、加密算法、分布式账本等核心模块的研发；"
        "开发去中心化应用，保障链上系统的安全与性能。"
    ),
    "Mechanical Engineers": (
        "负责机械产品的结构设计和零部件设计，绘制三维模型和二维工程图纸；进行强度计算和仿真分析；跟进"
        "样机制作、试验和量产，解决生产中的技术问题。"
    ),
    "Paralegals and Legal Assistants": (
        "协助律师处理诉讼和非诉讼案件，整理案卷、检索法律法规和案例；起草法律文书、合同和函件；负责与"
        "法院、客户的日常联络和文件递交。"
    ),
    "Fine Artists, Including Painters, Sculptors, and Illustrators": (
        "负责原创插画、绘画和艺术作品的创作；根据项目需求完成角色、场景和概念设计；参与展览与艺术项目，"
        "把握作品的美术风格与质量。"
    ),
    "Exercise Trainers and Group Fitness Instructors": (
        "负责会员的健身指导和私人教练课程，制定个性化训练计划；带领团体课程，如有氧操、瑜伽、动感单车；"
        "为会员提供营养和饮食建议，跟踪体能测试结果。"
    ),
    "Sales Representatives of Services, Except Advertising, Insurance, Financial Services, and Travel": (
        "负责公司服务产品的销售，开发新客户并维护老客户关系；了解客户需求，制定销售方案，完成报价和"
        "商务谈判；完成个人销售业绩指标。"
    ),
    "Human Resources Assistants, Except Payroll and Timekeeping": (
        "协助人力资源部门处理日常人事事务；负责员工档案管理、考勤统计和社保办理；协助招聘工作，安排"
        "面试，录入员工信息。"
    ),
}

TEST: dict[str, str] = {
    "Project Management Specialists": (
        "负责项目的整体计划、执行和交付，制定项目进度计划和里程碑；协调各方资源，管理项目范围、成本和"
        "风险；组织项目会议，定期汇报项目状态。"
    ),
    "Management Analysts": (
        "负责业务流程分析和需求调研，与业务部门沟通梳理需求，编写需求文档；分析业务数据，提出流程优化"
        "和管理改进方案；协助推动方案落地实施。"
    ),
    "Information Security Analysts": (
        "负责公司信息安全监测与分析，处理安全告警和安全事件；定期开展漏洞扫描和风险评估；维护防火墙、"
        "防病毒等安全系统，落实网络安全制度。"
    ),
    "Database Administrators": (
        "负责公司数据库的安装、配置、监控和日常维护；负责数据备份与恢复、权限管理；进行SQL优化和性能"
        "调优，保障数据库稳定运行。"
    ),
    "Network and Computer Systems Administrators": (
        "负责公司服务器、网络设备和操作系统的运维管理；负责系统部署、监控告警和故障处理；编写自动化运维"
        "脚本，维护持续集成和发布流程。"
    ),
    "Software Developers": (
        "负责公司核心业务系统的后端开发，参与需求分析、系统设计和编码实现；负责接口开发与单元测试，"
        "优化系统性能；编写技术文档，参与代码评审。"
    ),
    "Web Developers": (
        "负责公司网站和Web应用的前端与后端开发；实现页面交互和功能模块，保证页面在各浏览器下的兼容性；"
        "优化网站加载性能，维护网站日常更新。"
    ),
    "Information Technology Project Managers": (
        "负责信息化项目的立项、计划、执行和验收；管理项目进度、质量、成本和风险；协调开发、测试和业务"
        "团队，推动项目按期交付，建立项目管理办公室的规范和流程。"
    ),
    "Data Scientists": (
        "负责业务数据的分析与挖掘，建立统计模型和机器学习模型；通过数据分析发现业务问题，提出策略建议；"
        "设计和分析实验，搭建数据可视化报表。"
    ),
    "Business Intelligence Analysts": (
        "负责公司经营数据的统计分析，搭建商业智能报表和数据看板；梳理指标体系，支持管理层决策；开发"
        "数据查询和报表，保障数据准确性。"
    ),
    "Civil Engineers": (
        "负责土木工程项目的结构设计与施工图审核；参与施工现场技术管理，控制工程质量、进度和安全；编制"
        "工程预算和施工方案，协调监理和施工单位。"
    ),
    "Electrical Engineers": (
        "负责电气系统的设计，包括配电系统、控制柜和电路原理图设计；编制电气设备选型和技术规格；参与设备"
        "安装调试和故障排查。"
    ),
    "Lawyers": (
        "负责为公司提供法律咨询，审核和起草各类合同；代理诉讼和仲裁案件，出庭应诉；开展法律风险评估，"
        "处理知识产权、劳动争议等法律事务。"
    ),
    "Graphic Designers": (
        "负责品牌视觉设计，完成海报、宣传册、包装等平面设计；配合市场活动完成广告和新媒体物料设计；"
        "把控设计风格和印刷质量。"
    ),
    "Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific Products": (
        "负责公司产品在指定区域的批发销售，开发经销商和客户渠道；维护客户关系，跟进订单和回款；收集市场"
        "信息，完成销售目标。"
    ),
    "Fitness and Wellness Coordinators": (
        "负责员工健康与健身项目的策划和组织，安排健身课程和健康讲座；管理健身房日常运营，维护健身器材；"
        "跟踪会员健康数据，提供健康管理建议。"
    ),
    "Computer Systems Engineers/Architects": (
        "负责企业信息系统的整体架构设计，评估软硬件选型；规划系统集成方案，保障系统的可用性、扩展性和"
        "安全性；指导开发和运维团队实施。"
    ),
}

DUTIES: dict[str, str] = {**DEV, **TEST}
