import { Layout } from "antd";
import { Link, Outlet } from "react-router";
import { Brand, SkipLink } from "../components/brand";
import { ElderlyModeSwitch } from "../components/elderly-mode";
import { UserMenu } from "../components/user-menu";

/** 办事大厅: the public face. */
export function PortalLayout() {
  return (
    <Layout className="face face-portal">
      <SkipLink />
      <Layout.Header className="site-header">
        <Brand subtitle="黑龙江省教育服务平台" />
        <nav className="header-nav" aria-label="主导航">
          <Link to="/">首页</Link>
          <Link to="/search">找服务</Link>
          <Link to="/bundles">办好一件事</Link>
          <Link to="/self-service">自助办理</Link>
          <Link to="/results">成绩查询</Link>
          <Link to="/ratings">好差评</Link>
          <Link to="/complaints">投诉举报</Link>
          <Link to="/me">我的办事</Link>
        </nav>
        <div className="header-actions">
          <ElderlyModeSwitch />
          <UserMenu />
        </div>
      </Layout.Header>
      <Layout.Content id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="site-footer">
        <div>主办：黑龙江省教育厅 · 办事不求人：一网通办、一门办理、最多跑一次</div>
        <div>
          <Link to="/complaints">投诉举报</Link> · <Link to="/ratings">好差评公示</Link> ·{" "}
          <Link to="/verify">电子证照核验</Link> · 咨询请在办事指南页在线提问或拨打所列电话 ·
          本平台支持长辈模式与键盘操作
        </div>
      </Layout.Footer>
    </Layout>
  );
}
