import { Layout, Menu } from "antd";
import { type ReactNode, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { Brand, SkipLink } from "./brand";
import { ElderlyModeSwitch } from "./elderly-mode";
import { UserMenu } from "./user-menu";

export type NavItem = { key: string; label: string; icon: ReactNode };

/** The frame of both staff faces: header, a side menu that folds away on a phone, and the page. */
export function StaffLayout({ subtitle, home, nav }: { subtitle: string; home: string; nav: NavItem[] }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const selected = nav
    .filter((item) => location.pathname.startsWith(item.key))
    .sort((a, b) => b.key.length - a.key.length)[0];
  return (
    <Layout className="face face-staff">
      <SkipLink />
      <Layout.Header className="site-header">
        <Brand subtitle={subtitle} to={home} />
        <div className="header-actions">
          <ElderlyModeSwitch />
          <UserMenu />
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          theme="light"
          breakpoint="lg"
          collapsedWidth={0}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={208}
          className="staff-sider"
          zeroWidthTriggerStyle={{ top: 8 }}
        >
          <nav aria-label="功能菜单">
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected.key] : []}
              items={nav}
              onClick={({ key }) => {
                void navigate(key);
                if (window.innerWidth < 992) setCollapsed(true);
              }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main" className="staff-main" tabIndex={-1}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
