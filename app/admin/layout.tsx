import { WorkspaceLayout } from '../_components/workspace-layout';

export default WorkspaceLayout;
